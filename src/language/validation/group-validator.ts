import type { Reference, ValidationAcceptor } from 'langium';
import type { Company, Group, UserGroups } from '../generated/ast.js';
import { CompanyCodes } from './company-codes.js';
import { companyOf, groupsOf, groupsWithDirectMembers, includedGroups } from '../semantics/company-facts.js';
import { cycleThrough } from './cycles.js';
import { coded } from './report.js';

/** Groups: include cycles, groups of another company, groups nobody is in. */

/** LDAP has no answer for a group that contains itself; each include edge on a cycle is reported. */
export function checkGroupCycles(group: Group, accept: ValidationAcceptor): void {
    group.includes.forEach((ref, index) => {
        const target = ref.ref;
        const cycle = target && cycleThrough(group, target, includedGroups);
        if (cycle) {
            accept('error', `Groups include each other in a cycle: ${cycle.map(g => g.name).join(' → ')}; remove one of these includes.`,
                coded(CompanyCodes.GroupCycle, { node: group, property: 'includes', index }));
        }
    });
}

/**
 * Each company has its own directory tree, so a user or group can only belong to groups of its own
 * company; `groups globex.staff` from acme would name a group in another tree.
 */
export function checkUserGroupsCompany(node: UserGroups, accept: ValidationAcceptor): void {
    node.groups.forEach((ref, index) => reportForeign(ref, node, 'groups', index, 'A user', accept));
}

export function checkIncludesCompany(group: Group, accept: ValidationAcceptor): void {
    group.includes.forEach((ref, index) => reportForeign(ref, group, 'includes', index, 'A group', accept));
}

function reportForeign(ref: Reference<Group>, node: UserGroups | Group, property: 'groups' | 'includes', index: number,
    who: string, accept: ValidationAcceptor): void {
    const own = companyOf(node);
    const theirs = ref.ref && companyOf(ref.ref);
    if (own && theirs && own !== theirs) {
        accept('error', `${who} of company '${own.name}' can only be in groups of '${own.name}', and '${ref.$refText}' belongs to '${theirs.name}'; `
            + `create the group in '${own.name}' instead.`,
            coded(CompanyCodes.ForeignGroup, { node: node as never, property, index }));
    }
}

/**
 * A group that nobody is in, directly or through the groups it includes, is probably left over.
 * Worked out once per company: the groups some user lists, then every group that includes one of
 * those, directly or in turn.
 */
export function checkGroupsHaveMembers(company: Company, accept: ValidationAcceptor): void {
    const groups = groupsOf(company);
    const populated = groupsWithDirectMembers(company);
    let grown = true;
    while (grown) {
        grown = false;
        for (const group of groups.filter(g => !populated.has(g) && includedGroups(g).some(i => populated.has(i)))) {
            populated.add(group);
            grown = true;
        }
    }
    for (const group of groups.filter(g => !populated.has(g) && typeof g.name === 'string')) {
        accept('info', `The group '${group.name}' has no members; add it to a user's \`groups\` or remove it.`,
            coded(CompanyCodes.EmptyGroup, { node: group, property: 'name' }));
    }
}
