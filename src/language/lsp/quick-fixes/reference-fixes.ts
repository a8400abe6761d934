import { suggestedName } from '../../references/company-linker.js';
import { quickFix } from './edit-helpers.js';
import type { QuickFix } from './quick-fix.js';

/** Quick fixes for references that do not resolve (Langium's `linking-error`). */
export const referenceQuickFixes: Readonly<Record<string, QuickFix>> = {
    'linking-error': (diagnostic, document) => {
        const message = typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
        const suggestion = suggestedName(message);
        return suggestion
            ? [quickFix(`Change to '${suggestion}'`, document, diagnostic, [{ range: diagnostic.range, newText: suggestion }])]
            : [];
    }
};
