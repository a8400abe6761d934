import type { LangiumServices, CodeActionProvider } from 'langium/lsp';
import type { LangiumDocument, MaybePromise } from 'langium';
import type { CodeAction, CodeActionParams, Command } from 'vscode-languageserver';
export class CompanyCodeActionProvider implements CodeActionProvider {
    constructor(_services: LangiumServices) {}
    getCodeActions(_document: LangiumDocument, _params: CodeActionParams): MaybePromise<Array<Command | CodeAction> | undefined> { return []; }
}
