import type { LangiumDocument } from 'langium';
import type { CodeAction, Diagnostic } from 'vscode-languageserver';

/** Builds the quick fixes for one diagnostic; registered by diagnostic code. */
export type QuickFix = (diagnostic: Diagnostic, document: LangiumDocument) => CodeAction[];
