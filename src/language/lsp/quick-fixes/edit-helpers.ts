import { AstUtils, CstUtils, GrammarUtils, type AstNode, type CstNode, type LangiumDocument } from 'langium';
import { CodeActionKind, type CodeAction, type Diagnostic, type Position, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { onceLine } from '../../catalog/once-per-block.js';
import type { QuickFix } from './quick-fix.js';

/** Small text-editing helpers and fixes shared by the company quick fixes. */

/** A fix that edits the diagnostic's document. Whether it is preferred is decided once all fixes are known. */
export function quickFix(title: string, document: LangiumDocument, diagnostic: Diagnostic, edits: TextEdit[]): CodeAction {
    return workspaceFix(title, diagnostic, { changes: { [document.textDocument.uri]: edits } });
}

/** A fix whose edit may span documents, such as a rename. */
export function workspaceFix(title: string, diagnostic: Diagnostic, edit: WorkspaceEdit): CodeAction {
    return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit };
}

/** The text the diagnostic marks. */
export const written = (diagnostic: Diagnostic, document: LangiumDocument) => document.textDocument.getText(diagnostic.range);

/**
 * Replace the diagnostic's range with a corrected text: by default `data.replacement` (a CIDR,
 * address, source VM, keyword, size); `pick` takes it from elsewhere, `write` spells it.
 */
export function replaceWith(
    title: (replacement: string, written: string) => string,
    pick: (diagnostic: Diagnostic) => string | undefined = diagnostic => dataString(diagnostic, 'replacement'),
    write: (replacement: string) => string = replacement => replacement
): QuickFix {
    return (diagnostic, document) => {
        const replacement = pick(diagnostic);
        return replacement
            ? [quickFix(title(replacement, written(diagnostic, document)), document, diagnostic, [{ range: diagnostic.range, newText: write(replacement) }])]
            : [];
    };
}

/** `memory 512` → `memory 512 MB`, `quota 20` → `quota 20 GB`: the unit comes in `data.unit`. */
export const addUnit: QuickFix = (diagnostic, document) => {
    const unit = dataString(diagnostic, 'unit');
    const end = diagnostic.range.end;
    return unit
        ? [quickFix(`Write ${written(diagnostic, document)} ${unit}`, document, diagnostic, [{ range: { start: end, end }, newText: ` ${unit}` }])]
        : [];
};

/** The node that starts where the diagnostic does, e.g. the setting whose keyword it marks. */
export function nodeStartingAt(document: LangiumDocument, diagnostic: Diagnostic): AstNode | undefined {
    const offset = document.textDocument.offsetAt(diagnostic.range.start);
    return nodeAt(document, diagnostic.range.start, (n: AstNode): n is AstNode => n.$cstNode?.offset === offset);
}

/**
 * Delete a repeated line (the diagnostic marks its first word). A repeated `services` line,
 * `mail { … }` or service block holds values of its own that the message asks to merge, so
 * removing it would lose them: the once-per-block table marks those, and they get no fix.
 */
export const removeSetting: QuickFix = (diagnostic, document) => {
    const node = nodeStartingAt(document, diagnostic);
    if (!node?.$cstNode || (node.$container && onceLine(node.$container.$type, node.$type)?.merge)) {
        return [];
    }
    return [quickFix(`Remove this ${written(diagnostic, document)}`, document, diagnostic, [removeNode(document, node.$cstNode)])];
};

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

/**
 * Add `text` as the first or last member of the node's own `{ … }` block, laid out like it: on a
 * one-line block on that line, two blanks from its neighbours (`{ memory 1 GB  runs ldap }`); on
 * a block of several lines on a line of its own, indented like the members (or one level deeper
 * than the header when there are none). The braces are the node's own keywords, so those of a
 * nested block (a VM inside a server) are never taken for them. Undefined when the node has no
 * braces of its own (`vm www`, or `server hv2` cut short at the end of a file): see `newBlock`.
 */
export function insertMember(document: LangiumDocument, node: AstNode, text: string, where: 'first' | 'last'): TextEdit | undefined {
    const open = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
    const close = GrammarUtils.findNodeForKeyword(node.$cstNode, '}');
    if (!open || !close) {
        return undefined;
    }
    const members = AstUtils.streamContents(node).map(child => child.$cstNode).nonNullable().toArray().sort((a, b) => a.offset - b.offset);
    const neighbour = where === 'first' ? members.at(0) : members.at(-1);
    if (open.range.start.line === close.range.start.line) {
        return neighbour && where === 'first' ? insertAt(document, neighbour.offset, `${text}  `) : beforeClose(document, open, close, text, members.length > 0);
    }
    const indent = neighbour ? indentationAt(document, neighbour.offset) : `${indentationAt(document, node.$cstNode!.offset)}    `;
    return neighbour && where === 'last'
        ? insertAt(document, neighbour.end, `\n${indent}${text}`)
        : insertAt(document, open.end, `\n${indent}${text}`);
}

/** On a one-line block: right after the last member (or `{`), keeping one blank before `}`. */
function beforeClose(document: LangiumDocument, open: CstNode, close: CstNode, text: string, afterMember: boolean): TextEdit {
    const source = document.textDocument.getText();
    let point = close.offset;
    while (point > open.end && (source[point - 1] === ' ' || source[point - 1] === '\t')) {
        point--;
    }
    return insertAt(document, point, `${afterMember ? '  ' : ' '}${text}${point === close.offset ? ' ' : ''}`);
}

/**
 * Give a node without braces a block holding `text`, right after what is written of it:
 * ` { runs ldap }` for a VM or user, or a block of lines for a server.
 */
export function newBlock(document: LangiumDocument, node: AstNode, text: string, layout: 'inline' | 'lines'): TextEdit {
    const cst = node.$cstNode!;
    const indent = indentationAt(document, cst.offset);
    return insertAt(document, cst.end, layout === 'inline' ? ` { ${text} }` : ` {\n${indent}    ${text}\n${indent}}`);
}
