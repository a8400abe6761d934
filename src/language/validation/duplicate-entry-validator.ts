import type { AstNode, Reference, ValidationAcceptor } from 'langium';
import type { Group, MailAlias, ServiceList, UserAliases, UserGroups } from '../generated/ast.js';
import { CompanyCodes } from './company-codes.js';
import { coded } from './report.js';

/**
 * A list naming one entry twice (`groups staff, staff`, `services git, git`) is harmless but a
 * sign of a slip; each repeat gets a warning whose quick fix removes it.
 */

export function checkUserGroupsList(node: UserGroups, accept: ValidationAcceptor): void {
    warnRepeats(node, 'groups', node.groups.map(refKey), accept);
}

export function checkGroupIncludesList(node: Group, accept: ValidationAcceptor): void {
    warnRepeats(node, 'includes', node.includes.map(refKey), accept);
}

export function checkUserAliasesList(node: UserAliases, accept: ValidationAcceptor): void {
    warnRepeats(node, 'aliases', node.aliases.map(a => a?.toLowerCase() ?? ''), accept);
}

export function checkServiceList(node: ServiceList, accept: ValidationAcceptor): void {
    warnRepeats(node, 'services', [...node.services], accept);
}

export function checkAliasTargetsList(node: MailAlias, accept: ValidationAcceptor): void {
    const keys = node.targets.map(t => t.ref ? refKey(t.ref) : `external:${(t.external ?? '').toLowerCase()}`);
    warnRepeats(node, 'targets', keys, accept);
}

/** A resolved reference is keyed by its target (so `staff` and `acme.staff` are one), else by its text. */
export const refKey = (ref: Reference): AstNode | string => ref.ref ?? `text:${ref.$refText}`;

function warnRepeats<N extends AstNode>(node: N, property: string, keys: ReadonlyArray<AstNode | string>, accept: ValidationAcceptor): void {
    const seen = new Set<AstNode | string>();
    keys.forEach((key, index) => {
        if (seen.has(key)) {
            accept('warning', `This ${describe(property)} is listed twice; remove the repeat.`,
                coded(CompanyCodes.DuplicateEntry, { node, property: property as never, index }));
        }
        seen.add(key);
    });
}

function describe(property: string): string {
    switch (property) {
        case 'groups': return 'group';
        case 'includes': return 'included group';
        case 'aliases': return 'alias';
        case 'services': return 'service';
        default: return 'target';
    }
}
