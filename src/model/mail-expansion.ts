import type { Company, Group, MailAlias, User } from '../language/generated/ast.js';
import { isGroup, isMailAlias, isUser } from '../language/generated/ast.js';
import { companyDomain, directMembers, includedGroups, mailAddress, mailAliasesOf } from '../language/semantics/company-facts.js';

/**
 * Who a mail recipient finally reaches: a user is their mailbox, a group every member (through
 * included groups too), an alias each of its targets in turn; outside addresses stay as written.
 * Cycles are refused by validation; the `seen` sets only guard against looping on a bad spec.
 */

/** Every user in a group: its direct members and the members of the groups it includes. */
export function groupMembers(group: Group, seen: Set<Group> = new Set()): User[] {
    if (seen.has(group)) {
        return [];
    }
    seen.add(group);
    const members = [...directMembers(group), ...includedGroups(group).flatMap(g => groupMembers(g, seen))];
    return [...new Set(members)];
}

/** The groups a user belongs to, directly or because a group includes a group they are in. */
export function groupsOfUser(user: User, company: Company): Group[] {
    return company.members.filter(isGroup).filter(group => groupMembers(group).includes(user));
}

export function groupAddress(group: Group): string {
    return `${group.name}@${companyDomain(group.$container)}`;
}

export function aliasAddress(alias: MailAlias): string {
    return `${alias.name}@${companyDomain(alias.$container)}`;
}

/** The final addresses an alias delivers to, sorted and unique. */
export function aliasRecipients(alias: MailAlias, seen: Set<MailAlias> = new Set()): string[] {
    if (seen.has(alias)) {
        return [];
    }
    seen.add(alias);
    const out = alias.targets.flatMap(target => {
        const ref = target.ref?.ref;
        if (ref === undefined) {
            return target.external !== undefined ? [target.external] : [];
        }
        if (isUser(ref)) {
            return [mailAddress(ref)];
        }
        if (isGroup(ref)) {
            return groupMembers(ref).map(mailAddress);
        }
        return isMailAlias(ref) ? aliasRecipients(ref, seen) : [];
    });
    return sortedUnique(out);
}

export const companyAliases = (company: Company): MailAlias[] => mailAliasesOf(company);

export function sortedUnique(values: readonly string[]): string[] {
    return [...new Set(values)].sort();
}
