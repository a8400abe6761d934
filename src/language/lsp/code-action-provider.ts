import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import { companyQuickFixes } from './quick-fixes/company-fixes.js';
import { serverQuickFixes } from './quick-fixes/server-fixes.js';
import { referenceQuickFixes } from './quick-fixes/reference-fixes.js';
import type { QuickFix } from './quick-fixes/quick-fix.js';

const QUICK_FIXES: Readonly<Record<string, QuickFix>> = { ...companyQuickFixes, ...serverQuickFixes, ...referenceQuickFixes };

/**
 * Offers the quick fixes registered for the codes of the diagnostics in the requested range. Our
 * rules set `code`; Langium's own diagnostics (linking, parsing) carry theirs in `data.code`.
 */
export class CompanyCodeActionProvider implements CodeActionProvider {
    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const code = diagnostic.code ?? (diagnostic.data as { code?: unknown } | undefined)?.code;
            const fix = typeof code === 'string' ? QUICK_FIXES[code] : undefined;
            if (fix) {
                actions.push(...fix(diagnostic, document));
            }
        }
        return actions;
    }
}
