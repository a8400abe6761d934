import type { AstNode, CstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider } from 'langium/lsp';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { isCompany, isGroup, isMailAlias, isServer, isUser, isVm } from '../generated/ast.js';
import { formatRoleUse, serverPublicAddress, vmAddress, vmRoles } from './spec-facts.js';

/**
 * The outline: companies with their users, groups and aliases; servers with their VMs.
 * Each symbol gets a kind that tells them apart and a detail worth reading at a glance.
 */
export class CompanyDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        return { ...symbol, kind: symbolKind(astNode), detail: symbolDetail(astNode) };
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

function symbolDetail(node: AstNode): string | undefined {
    if (isCompany(node)) return node.displayName;
    if (isServer(node)) return serverPublicAddress(node)?.address;
    if (isUser(node)) return node.fullName;
    if (isGroup(node)) return node.displayName;
    if (isMailAlias(node)) return `→ ${node.targets.map(t => t.ref?.$refText ?? t.external ?? '').join(', ')}`;
    if (isVm(node)) {
        const roles = vmRoles(node).map(formatRoleUse).join(', ');
        return `${roles || 'no roles'} — ${vmAddress(node) ?? 'address allocated automatically'}`;
    }
    return undefined;
}
