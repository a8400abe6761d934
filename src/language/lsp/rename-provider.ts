import { AstUtils, CstUtils, type AstNode, type LangiumDocument, type LangiumDocuments, type ReferenceDescription, type TextDocument } from 'langium';
import { DefaultRenameProvider, type LangiumServices } from 'langium/lsp';
import type { Position, Range, RenameParams, TextDocumentPositionParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver';

/**
 * Rename that keeps qualifiers: a VM referenced as `hv1.auth` from another server becomes
 * `hv1.login`, not `login`. Only the trailing name of each reference is replaced; a
 * reference is either the bare name or `container.name`, so the name is always its tail.
 */
export class CompanyRenameProvider extends DefaultRenameProvider {
    private readonly documents: LangiumDocuments;

    constructor(services: LangiumServices) {
        super(services);
        this.documents = services.shared.workspace.LangiumDocuments;
    }

    override async rename(document: LangiumDocument, params: RenameParams): Promise<WorkspaceEdit | undefined> {
        const target = this.targetAt(document, params.position);
        const oldName = target ? this.nameProvider.getName(target) : undefined;
        if (!target || !oldName || !this.prepareRename(document, params)) {
            return undefined; // nothing renamable here, e.g. the qualifier of `hv1.auth`
        }
        const changes: Record<string, TextEdit[]> = {};
        for (const ref of this.references.findReferences(target, { includeDeclaration: true })) {
            const uri = ref.sourceUri.toString();
            (changes[uri] ??= []).push({ range: this.nameRange(ref, oldName), newText: params.newName });
        }
        return { changes };
    }

    /**
     * The range to edit: the whole name of a declaration, or the name part of a reference.
     * The qualifier of `hv1.auth` names the server, not the VM, so it is not offered for renaming.
     */
    override prepareRename(document: LangiumDocument, params: TextDocumentPositionParams): Range | undefined {
        const root = document.parseResult.value.$cstNode;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = root ? CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp) : undefined;
        const target = leaf ? this.references.findDeclarations(leaf)[0] : undefined;
        const name = target ? this.nameProvider.getName(target) : undefined;
        if (!leaf || !target || !name) {
            return undefined;
        }
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

    private targetAt(document: LangiumDocument, position: Position): AstNode | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) {
            return undefined;
        }
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, document.textDocument.offsetAt(position), this.grammarConfig.nameRegexp);
        return leaf ? this.references.findDeclarations(leaf)[0] : undefined;
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

    /** Where the name starts in a reference: after `qualifier.` if the text is `qualifier.name`, else the whole text. */
    private nameTail(text: TextDocument, offset: number, end: number, name: string): { start: number } {
        const start = end - name.length;
        const qualified = start > offset && text.getText().slice(start, end) === name && text.getText().charAt(start - 1) === '.';
        return { start: qualified ? start : offset };
    }
}
