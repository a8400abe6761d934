import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeActionProvider, LangiumServices } from 'langium/lsp';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
import { companyQuickFixes } from './quick-fixes/company-fixes.js';
import { serverQuickFixes } from './quick-fixes/server-fixes.js';
import { referenceQuickFixes } from './quick-fixes/reference-fixes.js';
import type { QuickFix } from './quick-fixes/quick-fix.js';
import { diagnosticCode } from '../validation/report.js';

const QUICK_FIXES: Readonly<Record<string, QuickFix>> = { ...companyQuickFixes, ...serverQuickFixes, ...referenceQuickFixes };

/** Offers the quick fixes registered for the codes of the diagnostics in the requested range. */
export class CompanyCodeActionProvider implements CodeActionProvider {
    constructor(private readonly services: LangiumServices) {}

    getCodeActions(document: LangiumDocument, params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const code = diagnosticCode(diagnostic);
            const fix = code === undefined ? undefined : QUICK_FIXES[code];
            if (fix) {
                actions.push(...preferIfAlone(fix(diagnostic, document, this.services)));
            }
        }
        return actions;
    }
}

/**
 * A fix is the editor's preferred one (applied by "auto fix") only when it is the only one for
 * its diagnostic; alternatives, such as which server should host a company, are the user's call.
 */
function preferIfAlone(fixes: CodeAction[]): CodeAction[] {
    return fixes.length === 1 ? [{ ...fixes[0], isPreferred: true }] : fixes;
}
