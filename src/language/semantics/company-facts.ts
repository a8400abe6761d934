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

/** The groups a user is in directly: those its `groups` lines name that resolve. */
const listedGroups = (user: User): Group[] => groupRefsOf(user).map(ref => ref.ref).filter(isGroup);

/** Users of the group's company that list the group in `groups` (its direct members). */
export function directMembers(group: Group): User[] {
    return usersOf(group.$container).filter(user => listedGroups(user).includes(group));
}

/** The groups of a company that some user of it lists in `groups`, by the same rule as `directMembers`. */
export const groupsWithDirectMembers = (company: Company): Set<Group> => new Set(usersOf(company).flatMap(listedGroups));

/** What each target of a mail alias says, as written: the recipient's name or the external address. */
export const aliasTargetTexts = (alias: MailAlias): string[] => alias.targets.map(t => t.ref ? t.ref.$refText : (t.external ?? ''));

/** One local part a company receives mail at, and the declaration to blame when two collide. */
export interface MailAddress {
    /** As written; undefined while half-typed. */
    readonly localPart: string | undefined;
    /** Who receives the mail: a user, a mail alias, or a group (a mail list at name@domain). */
    readonly owner: User | MailAlias | Group;
    /** Where it is written: the owner's name, a user's `email` line or one of its `aliases`. */
    readonly node: User | MailAlias | Group | UserEmail | UserAliases;
    readonly property: 'name' | 'localPart' | 'aliases';
    /** Which entry of an `aliases` line. */
    readonly index?: number;
}

/** Every address of a company in source order: users' addresses and aliases, mail aliases, groups. */
export function mailAddressesOf(company: Company): MailAddress[] {
    const result: MailAddress[] = [];
    for (const member of company.members) {
        if (isUser(member)) {
            const email = emailOf(member);
            result.push(email
                ? { localPart: email.localPart, owner: member, node: email, property: 'localPart' }
                : { localPart: member.name, owner: member, node: member, property: 'name' });
            for (const list of aliasListsOf(member)) {
                list.aliases.forEach((alias, index) => result.push({ localPart: alias, owner: member, node: list, property: 'aliases', index }));
            }
        } else if (isMailAlias(member) || isGroup(member)) {
            result.push({ localPart: member.name, owner: member, node: member, property: 'name' });
        }
    }
    return result;
}

/** Every local part a company receives mail at, lower case. */
export const localPartsOf = (company: Company): Set<string> => new Set(mailAddressesOf(company).map(a => a.localPart?.toLowerCase() ?? ''));
