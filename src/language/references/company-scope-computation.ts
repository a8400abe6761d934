import { DefaultScopeComputation, type AstNode, type AstNodeDescription, type LangiumDocument } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { isGroup, isMailAlias, isUser, isVm, type Spec } from '../generated/ast.js';

/**
 * Besides companies and servers, export every user, group and alias as `company.name` and every
 * VM as `server.name`, so a spec can point into another block (`hv1.auth`, `globex.staff`);
 * inside its own block a name is found unqualified through the default local scopes.
 */
export class CompanyScopeComputation extends DefaultScopeComputation {
    override async collectExportedSymbols(document: LangiumDocument, cancelToken?: CancellationToken): Promise<AstNodeDescription[]> {
        const exports = await super.collectExportedSymbols(document, cancelToken);
        const spec = document.parseResult.value as Spec;
        for (const company of spec.companies ?? []) {
            for (const member of company.members) {
                if (isUser(member) || isGroup(member) || isMailAlias(member)) {
                    this.exportQualified(company.name, member, document, exports);
                }
            }
        }
        for (const server of spec.servers ?? []) {
            for (const member of server.members) {
                if (isVm(member)) {
                    this.exportQualified(server.name, member, document, exports);
                }
            }
        }
        return exports;
    }

    private exportQualified(container: string | undefined, node: AstNode, document: LangiumDocument, exports: AstNodeDescription[]): void {
        const name = this.nameProvider.getName(node);
        if (container && name) {
            exports.push(this.descriptions.createDescription(node, `${container}.${name}`, document));
        }
    }
}
