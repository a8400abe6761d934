import { AstUtils, CstUtils, type AstNode, type CstNode, type LangiumDocument, type LangiumDocuments, type ReferenceDescription, type TextDocument } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import type { Range, RenameParams, TextDocumentPositionParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver';

/**
 * Rename that keeps qualifiers: a VM referenced as `hv1.auth` from another server becomes
 * `hv1.login`, not `login`. Only the trailing name of each reference is replaced; a
 * reference is either the bare name or `container.name`, so the name is always its tail.
 * Renaming a company or server also rewrites the qualifier of references into it
 * (`acme.staff` → `acmeco.staff`, `hv1.auth` → `hvx.auth`) in every document.
 */
export class CompanyRenameProvider extends DefaultRenameProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.locate(document, params)?.target;
        if (!target || !this.prepareRename(document, params)) {
            return undefined; // nothing renamable here, e.g. the qualifier of `hv1.auth`
        }
        return this.renameEdit(target, params.newName);
    }

    /**
     * The edits that rename `target` to `newName` across the workspace: its declaration, every
     * reference to it, and the qualifier of every reference to one of its members.
     */
    renameEdit(target: AstNode, newName: string): WorkspaceEdit | undefined {
        const oldName = this.nameProvider.getName(target);
        if (!oldName) {
            return undefined;
        }
        const changes: Record<string, TextEdit[]> = {};
        const add = (ref: ReferenceDescription, range: Range | undefined) => {
            if (range) {
                (changes[ref.sourceUri.toString()] ??= []).push({ range, newText: newName });
            }
        };
        for (const ref of this.references.findReferences(target, { includeDeclaration: true })) {
            add(ref, this.nameRange(ref, oldName));
        }
        for (const member of this.qualifiedMembers(target)) {
            const memberName = this.nameProvider.getName(member)!;
            for (const ref of this.references.findReferences(member, { includeDeclaration: false })) {
                add(ref, this.qualifierRange(ref, oldName, memberName));
            }
        }
        return { changes };
    }

    /**
     * The range to edit: the whole name of a declaration, or the name part of a reference.
     * The qualifier of `hv1.auth` names the server, not the VM, so it is not offered for renaming.
     */
    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Range | undefined {
        const found = this.locate(document, params);
        if (!found) {
            return undefined;
        }
        const { leaf, target, name } = found;
        const nameNode = this.nameProvider.getNameNode(target);
        if (leaf.astNode === target && nameNode && nameNode.offset <= leaf.offset && leaf.end <= nameNode.end) {
            return nameNode.range;
        }
        const refNode = AstUtils.streamReferences(leaf.astNode).map(info => info.reference.$refNode)
            .find(node => node !== undefined && node.offset <= leaf.offset && leaf.end <= node.end);
        if (!refNode) {
            return undefined;
        }
        const tail = this.nameTail(document.textDocument, refNode.offset, refNode.end, name);
        return tail.start <= leaf.offset ? { start: document.textDocument.positionAt(tail.start), end: refNode.range.end } : undefined;
    }

    /** The token at the position and the named element it declares or refers to. */
    private locate(document: LangiumDocument, params: TextDocumentPositionParams): { leaf: CstNode, target: AstNode, name: string } | undefined {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = root ? CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp) : undefined;
        const target = leaf ? this.references.findDeclarations(leaf)[0] : undefined;
        const name = target ? this.nameProvider.getName(target) : undefined;
        return leaf && target && name ? { leaf, target, name } : undefined;
    }

    /**
     * The named children of a block, which the scope exports as `block.child`: a company's users,
     * groups and aliases, a server's VMs. Settings have no name, so they are not among them.
     */
    private qualifiedMembers(node: AstNode): AstNode[] {
        return AstUtils.streamContents(node).filter(child => this.nameProvider.getName(child) !== undefined).toArray();
    }

    /** The range of a reference to replace: its name part (see nameTail). */
    private nameRange(ref: ReferenceDescription, name: string): Range {
        const text = this.documents.getDocument(ref.sourceUri)?.textDocument;
        if (!text) {
            return ref.segment.range;
        }
        const tail = this.nameTail(text, ref.segment.offset, ref.segment.end, name);
        return { start: text.positionAt(tail.start), end: ref.segment.range.end };
    }

    /**
     * The qualifier of a reference written `container.member`; undefined for the bare `member`,
     * which resolves inside its own block and names no container (even when the member's own
     * name is dotted, as an alias `acme.x` of company `acme` may be).
     */
    private qualifierRange(ref: ReferenceDescription, container: string, member: string): Range | undefined {
        const text = this.documents.getDocument(ref.sourceUri)?.textDocument;
        const written = text?.getText().slice(ref.segment.offset, ref.segment.end);
        if (!text || written?.replace(/\s+/g, '') !== `${container}.${member}`) {
            return undefined;
        }
        return { start: ref.segment.range.start, end: text.positionAt(ref.segment.offset + container.length) };
    }

    /** Where the name starts in a reference: after `qualifier.` if the text is `qualifier.name`, else the whole text. */
    private nameTail(text: TextDocument, offset: number, end: number, name: string): { start: number } {
        const start = end - name.length;
        const qualified = start > offset && text.getText().slice(start, end) === name && text.getText().charAt(start - 1) === '.';
        return { start: qualified ? start : offset };
    }
}
