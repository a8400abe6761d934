import { AstUtils, GrammarUtils, type AstNode, type CstNode } from 'langium';
import type { CompletionContext } from 'langium/lsp';
import { onceLine } from '../catalog/once-per-block.js';
import { isServiceList } from '../generated/ast.js';

/**
 * What completion needs to know about the block the cursor is in: which lines it already has,
 * so that a line a block may hold once (`catalog/once-per-block.ts`, the table validation reads
 * too) is not offered a second time.
 */

/** Blocks with a `{ … }` body in which members are written. */
const BLOCK_TYPES = new Set(['Company', 'Server', 'Vm', 'User', 'Group', 'MailSettings', 'ServerResources', 'ServiceBlock']);

/**
 * The innermost block whose braces hold the cursor. The node before the cursor may be a finished
 * inner block (`vm v { … } |`), so containment is decided by the braces, not by the AST.
 */
export function blockAtCursor(context: CompletionContext): AstNode | undefined {
    for (let node = context.node; node; node = node.$container) {
        if (BLOCK_TYPES.has(node.$type) && bodyHolds(node, context.offset)) {
            return node;
        }
    }
    return undefined;
}

function bodyHolds(node: AstNode, offset: number): boolean {
    const open = GrammarUtils.findNodeForKeyword(node.$cstNode, '{');
    if (!open || open.end > offset) {
        return false;
    }
    const closes = GrammarUtils.findNodesForKeyword(node.$cstNode, '}');
    const close = closes[closes.length - 1];
    return !close || close.offset >= offset;
}

/**
 * True when the line that `rule` starts may appear once in the block at the cursor and the block
 * already has one, other than the line being typed. For a line told apart by a key (a service
 * block by its service, a service setting by its key), `key` is the one about to be written.
 */
export function lineAlreadyWritten(context: CompletionContext, block: AstNode | undefined, rule: string, key?: string): boolean {
    const line = block && onceLine(block.$type, rule);
    if (!line) {
        return false;
    }
    return members(block).some(member => member.$type === rule && (!line.key || keyOf(member, line.key) === key)
        && !isBeingTyped(member.$cstNode, context));
}

const keyOf = (member: AstNode, property: string): unknown => (member as unknown as Record<string, unknown>)[property];

/** A service already named on the `services` line being written (a repeat only earns a warning). */
export function serviceAlreadyListed(context: CompletionContext, service: string): boolean {
    const list = context.node;
    if (!isServiceList(list)) {
        return false;
    }
    return GrammarUtils.findNodesForProperty(list.$cstNode, 'services')
        .some(cst => cst.text === service && !isBeingTyped(cst, context));
}

/** The node holds the start of the token being completed: it is what the user is writing now. */
export function isBeingTyped(cst: CstNode | undefined, context: CompletionContext): boolean {
    return cst !== undefined && cst.offset <= context.tokenOffset && context.tokenOffset < cst.end;
}

/** The lines directly inside a block (its members, settings or properties). */
function members(block: AstNode): readonly AstNode[] {
    return AstUtils.streamContents(block).toArray();
}
