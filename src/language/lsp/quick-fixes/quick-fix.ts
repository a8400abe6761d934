import type { LangiumDocument } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';

/**
 * Builds the quick fixes for one diagnostic; registered by diagnostic code. `services` gives
 * the fixes that edit more than the flagged text (a rename) the language's own providers.
 */
export type QuickFix = (diagnostic: Diagnostic, document: LangiumDocument, services: LangiumServices) => CodeAction[];
