import { AstUtils, CstUtils, type AstNode, type CstNode, type ValidationAcceptor } from 'langium';
import { ONCE_PER_BLOCK, type OnceBlock, type OnceLine } from '../catalog/once-per-block.js';
import { CompanyCodes } from './company-codes.js';
import { coded, lineOf } from './report.js';

/**
 * A line that its block may hold once (`catalog/once-per-block.ts`) is written again. One check
 * for every block in the table; it marks the repeat's first word, which is what a reader scans
 * for and where the quick fix that removes the line looks for it.
 */
export function checkOncePerBlock(block: AstNode, accept: ValidationAcceptor): void {
    const entry = ONCE_PER_BLOCK[block.$type];
    if (!entry) {
        return;
    }
    const seen = new Map<string, AstNode>();
    for (const member of AstUtils.streamContents(block)) {
        const line = entry.lines.find(l => l.type === member.$type);
        const identity = line && identityOf(member, line);
        const head = firstToken(member.$cstNode);
        if (identity === undefined || !head) {
            continue;
        }
        const first = seen.get(identity);
        if (!first) {
            seen.set(identity, member);
            continue;
        }
        accept('error', `\`${head.text}\` is already set${where(entry, block)} on line ${lineOf(first)}: ${line!.advice ?? 'keep one of them'}.`,
            coded(CompanyCodes.DuplicateSetting, { node: member, range: head.range }));
    }
}

/** The type, or type and key for keyed lines; undefined while the key is not typed yet. */
function identityOf(member: AstNode, line: OnceLine): string | undefined {
    if (!line.key) {
        return member.$type;
    }
    const key = (member as unknown as Record<string, unknown>)[line.key];
    return typeof key === 'string' ? `${member.$type}:${key}` : undefined;
}

/** The keyword (or service name, or setting key) the line starts with. */
function firstToken(cst: CstNode | undefined): CstNode | undefined {
    return cst && CstUtils.flattenCst(cst).find(leaf => !leaf.hidden);
}

/** ` for server hv1`; nothing while a name it needs is half-typed, so no message speaks of `undefined`. */
function where(entry: OnceBlock, block: AstNode): string {
    const names: Record<string, unknown> = { name: nameOf(block), owner: block.$container && nameOf(block.$container) };
    let missing = false;
    const text = entry.where.replace(/\{(name|owner)\}/g, (_all, which: string) => {
        const value = names[which];
        missing ||= typeof value !== 'string';
        return String(value);
    });
    return missing ? '' : ` for ${text}`;
}

const nameOf = (node: AstNode): unknown => (node as { name?: unknown }).name ?? (node as { service?: unknown }).service;
