import { AstUtils, type AstNode, type Reference } from 'langium';
import {
    isCompany, isDomainSetting, isGroup, isMailAlias, isServiceBlock, isServiceList, isUser, isUserAdmin, isUserAliases, isUserEmail, isUserGroups,
    type Company, type Group, type MailAlias, type ServiceKind, type ServiceList, type ServiceSetting, type SettingValue, type User, type UserAliases,
    type UserEmail
} from '../generated/ast.js';

/**
 * Plain facts about companies as written: who the users, groups and aliases are, where a user
 * receives mail, which services a company uses. The validator, the editor features and the model
 * stage all read a company through these, so they never disagree about what the spec says.
 * A half-typed spec may lack names and values whatever the AST types say; readers pass them on
 * as undefined rather than fail.
 */

export const companyOf = (node: AstNode): Company | undefined => AstUtils.getContainerOfType(node, isCompany);

/** The first `domain` line counts (a second one is an error). */
export function companyDomain(company: Company | undefined): string | undefined {
    return company?.members.find(isDomainSetting)?.domain;
}

export const usersOf = (company: Company): User[] => company.members.filter(isUser);
export const groupsOf = (company: Company): Group[] => company.members.filter(isGroup);
export const mailAliasesOf = (company: Company): MailAlias[] => company.members.filter(isMailAlias);

/** Every service of every `services` line, in source order. */
export const servicesOf = (company: Company): ServiceKind[] => company.members.filter(isServiceList).flatMap(list => list.services);

/** The `services` line and index where a company first names a service, for diagnostics about it. */
export function serviceEntry(company: Company, service: ServiceKind): { list: ServiceList, index: number } | undefined {
    for (const list of company.members.filter(isServiceList)) {
        const index = list.services.indexOf(service);
        if (index >= 0) {
            return { list, index };
        }
    }
    return undefined;
}

/** A per-service setting as written, e.g. `git { ssh-port 2223 }`; the first block and line count (repeats are errors). */
export function serviceSetting(company: Company, service: ServiceKind, key: string): ServiceSetting | undefined {
    return company.members.filter(isServiceBlock).find(b => b.service === service)?.settings.find(s => s.key === key);
}

/** A setting value written as a port number (1–65535, no unit); undefined for anything else. */
export function settingPort(value: SettingValue | undefined): number | undefined {
    const size = value?.size;
    return size && !size.unit && Number.isInteger(size.value) && size.value >= 1 && size.value <= 65535 ? size.value : undefined;
}

export const emailOf = (user: User): UserEmail | undefined => user.properties.find(isUserEmail);

/** The local part a user receives mail at: `email` if written, else the user name. */
export const localPartOf = (user: User): string => emailOf(user)?.localPart ?? user.name;

/** `local@domain`, or just the local part while the company has no domain yet. */
export function mailAddress(user: User): string {
    const domain = companyDomain(user.$container);
    const local = localPartOf(user);
    return domain ? `${local}@${domain}` : local;
}

export const aliasListsOf = (user: User): UserAliases[] => user.properties.filter(isUserAliases);
export const userAliasesOf = (user: User): string[] => aliasListsOf(user).flatMap(a => a.aliases);

export const isAdmin = (user: User): boolean => user.properties.some(isUserAdmin);

/** The groups a user lists in `groups`, resolved or not. */
export const groupRefsOf = (user: User): Array<Reference<Group>> => user.properties.filter(isUserGroups).flatMap(g => g.groups);

/** The groups a group includes that resolve (an unresolved include is the linker's to report). */
export const includedGroups = (group: Group): Group[] => group.includes.map(r => r.ref).filter(isGroup);

/** Users of the group's company that list the group in `groups` (its direct members). */
export function directMembers(group: Group): User[] {
    return usersOf(group.$container).filter(user => groupRefsOf(user)
        .some(ref => ref.ref === group || (!ref.ref && ref.$refText === group.name)));
}

/** Every local part a company receives mail at (users' addresses and aliases, mail aliases), lower case. */
export function localPartsOf(company: Company): Set<string> {
    const parts = new Set<string>();
    for (const user of usersOf(company)) {
        parts.add(localPartOf(user)?.toLowerCase());
        userAliasesOf(user).forEach(a => parts.add(a?.toLowerCase()));
    }
    mailAliasesOf(company).forEach(a => parts.add(a.name?.toLowerCase()));
    return parts;
}
