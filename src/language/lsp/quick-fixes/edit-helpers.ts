import { AstUtils, CstUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type Position, type TextEdit } from 'vscode-languageserver';

/** Small text-editing helpers shared by the company quick fixes. */

export function quickFix(title: string, document: LangiumDocument, diagnostic: Diagnostic, edits: TextEdit[]): CodeAction {
    return {
        title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
        edit: { changes: { [document.textDocument.uri]: edits } }
    };
}

/** The innermost AST node of type `guard` at a position (the start of a diagnostic's range). */
export function nodeAt<T extends AstNode>(document: LangiumDocument, position: Position, guard: (n: AstNode) => n is T): T | undefined {
    const root = document.parseResult.value.$cstNode;
    const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(position));
    return leaf ? AstUtils.getContainerOfType(leaf.astNode, guard) : undefined;
}

/** A string from the diagnostic's `data`, where the rules put what a fix needs. */
export function dataString(diagnostic: Diagnostic, key: string): string | undefined {
    const data = diagnostic.data as Record<string, unknown> | undefined;
    return typeof data?.[key] === 'string' ? data[key] as string : undefined;
}

/**
 * Delete a node: its whole line when it stands alone on it, otherwise the node and the blanks
 * before it, so `{ groups a  password "x" }` becomes `{ groups a }`.
 */
export function removeNode(document: LangiumDocument, node: CstNode): TextEdit {
    const text = document.textDocument.getText();
    let start = node.offset;
    let end = node.end;
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    const lineEnd = text.indexOf('\n', end) < 0 ? text.length : text.indexOf('\n', end);
    if (text.slice(lineStart, start).trim() === '' && text.slice(end, lineEnd).trim() === '') {
        start = lineStart;
        end = Math.min(lineEnd + 1, text.length);
    } else {
        while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) {
            start--;
        }
    }
    return { range: { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) }, newText: '' };
}

/**
 * Delete one entry of a comma-separated list together with the comma before it (or after it,
 * for the first entry). Undefined when the entry is the only one, so no comma is found.
 */
export function removeListEntry(document: LangiumDocument, start: number, end: number): TextEdit | undefined {
    const text = document.textDocument.getText();
    let before = start;
    while (before > 0 && /\s/.test(text[before - 1])) {
        before--;
    }
    if (text[before - 1] === ',') {
        return editBetween(document, before - 1, end);
    }
    let after = end;
    while (after < text.length && /\s/.test(text[after])) {
        after++;
    }
    if (text[after] === ',') {
        after++;
        while (after < text.length && (text[after] === ' ' || text[after] === '\t')) {
            after++;
        }
        return editBetween(document, start, after);
    }
    return undefined;
}

const editBetween = (document: LangiumDocument, start: number, end: number): TextEdit =>
    ({ range: { start: document.textDocument.positionAt(start), end: document.textDocument.positionAt(end) }, newText: '' });

export const insertAt = (document: LangiumDocument, offset: number, newText: string): TextEdit => {
    const position = document.textDocument.positionAt(offset);
    return { range: { start: position, end: position }, newText };
};

/** The blanks that start the line holding `offset`. */
export function indentationAt(document: LangiumDocument, offset: number): string {
    const text = document.textDocument.getText();
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return /^[ \t]*/.exec(text.slice(lineStart))![0];
}
