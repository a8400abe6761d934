import type { AstNode, CstNode, LangiumDocument, MaybePromise } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type CancellationToken, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver';
import { isCompany, isGroup, isMailAlias, isServer, isUser, isVm, type Server, type Vm } from '../generated/ast.js';
import type { EffectiveVm } from '../semantics/placement.js';
import { aliasTargetTexts } from '../semantics/company-facts.js';
import { publicAddressOf, roleUses, roleUseText } from '../semantics/server-facts.js';
import { effectivePlacement, effectiveVmOf, vmAddressText } from './effective-placement.js';

/**
 * The outline: companies with their users, groups and aliases; servers with their VMs.
 * Each symbol gets a kind that tells them apart and a detail worth reading at a glance;
 * a VM's detail has its address as placed, so one sees which address a VM without one gets.
 */
export class CompanyDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    /** Placement per server, worked out once per outline request rather than once per VM. */
    private readonly placements = new Map<Server, readonly EffectiveVm[] | undefined>();

    override getSymbols(document: LangiumDocument, params: DocumentSymbolParams, cancelToken?: CancellationToken): MaybePromise<DocumentSymbol[]> {
        this.placements.clear();
        try {
            return super.getSymbols(document, params, cancelToken);
        } finally {
            this.placements.clear();
        }
    }

    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        return { ...symbol, kind: symbolKind(astNode), detail: this.symbolDetail(astNode) };
    }

    private symbolDetail(node: AstNode): string | undefined {
        if (isCompany(node)) return node.displayName;
        if (isServer(node)) return publicAddressOf(node)?.address;
        if (isUser(node)) return node.fullName;
        if (isGroup(node)) return node.displayName;
        if (isMailAlias(node)) return `→ ${aliasTargetTexts(node).join(', ')}`;
        if (isVm(node)) {
            const roles = roleUses(node).map(roleUseText).join(', ');
            return `${roles || 'no roles'} — ${this.vmAddressText(node)}`;
        }
        return undefined;
    }

    /** The written address, else the allocated one; placement is worked out once per server. */
    private vmAddressText(vm: Vm): string {
        const server = vm.$container;
        if (!isServer(server)) {
            return vmAddressText(vm, undefined);
        }
        if (!this.placements.has(server)) {
            this.placements.set(server, effectivePlacement(server));
        }
        return vmAddressText(vm, effectiveVmOf(vm, this.placements.get(server)));
    }
}

function symbolKind(node: AstNode): SymbolKind {
    if (isCompany(node)) return SymbolKind.Namespace;
    if (isServer(node)) return SymbolKind.Module;
    if (isUser(node)) return SymbolKind.Object;
    if (isGroup(node)) return SymbolKind.Array; // a set of users
    if (isMailAlias(node)) return SymbolKind.Interface; // an address that forwards to others
    if (isVm(node)) return SymbolKind.Class;
    return SymbolKind.Field;
}
