import { AstUtils, GrammarUtils, type AstNode, type CstNode } from 'langium';
import type { CompletionContext } from 'langium/lsp';
import { isCompany, isServiceBlock, isServiceList } from '../generated/ast.js';

/**
 * What completion needs to know about the block the cursor is in: which lines it already has,
 * so that a line a block may hold once is not offered a second time.
 */

/**
 * Member types (their grammar rule names) that each block may hold once. They mirror validation,
 * so completion never offers what the validator then refuses: `checkCompanySingleLines` and
 * `checkMailSettingsOnce` (settings-validator.ts), `checkServerSettingsOnce`, `checkVmSettingsOnce`
 * and `checkResourceSettingsOnce` (server-structure-validator.ts). `hosts` and `runs` lines add
 * up, so they stay on offer. A user's `email` is read from its first line only (company-facts.ts)
 * and `admin`, `quota` and `password-hash` hold one value each, so a second one is never useful.
 */
const ONCE_PER_BLOCK: Readonly<Record<string, ReadonlySet<string>>> = {
    Company: new Set(['DomainSetting', 'TimezoneSetting', 'LocaleSetting', 'ServiceList', 'MailSettings']),
    MailSettings: new Set(['MaxMessageSize', 'SpamThreshold', 'DkimSelector']),
    User: new Set(['UserEmail', 'UserAdmin', 'UserQuota', 'UserPasswordHash']),
    Server: new Set(['OsSetting', 'PublicAddress', 'PublicIpv6', 'GuestNetwork', 'MirrorSetting', 'ServerResources', 'PlacementSetting']),
    ServerResources: new Set(['MemorySetting', 'CpusSetting', 'DiskSetting']),
    Vm: new Set(['MemorySetting', 'CpusSetting', 'DiskSetting', 'VmAddress'])
};

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
 * already has one, other than the line being typed.
 */
export function lineAlreadyWritten(context: CompletionContext, block: AstNode | undefined, rule: string): boolean {
    if (!block || !ONCE_PER_BLOCK[block.$type]?.has(rule)) {
        return false;
    }
    return members(block).some(member => member.$type === rule && !isBeingTyped(member.$cstNode, context));
}

/** A `cloud { … }` block when the company already has one for that service. */
export function serviceBlockWritten(context: CompletionContext, block: AstNode | undefined, service: string): boolean {
    return isCompany(block) && block.members.some(m => isServiceBlock(m) && m.service === service && !isBeingTyped(m.$cstNode, context));
}

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
