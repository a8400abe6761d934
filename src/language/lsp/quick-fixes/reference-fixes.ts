import { suggestedName } from '../../references/company-linker.js';
import { replaceWith } from './edit-helpers.js';
import type { QuickFix } from './quick-fix.js';

/** Quick fixes for references that do not resolve (Langium's `linking-error`): the linker's suggestion, from its message. */
export const referenceQuickFixes: Readonly<Record<string, QuickFix>> = {
    'linking-error': replaceWith(suggestion => `Change to '${suggestion}'`,
        diagnostic => suggestedName(typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value))
};
