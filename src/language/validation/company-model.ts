import { AstUtils, type AstNode } from 'langium';
import {
    isCompany, isGroup, isMailAlias, isUser, isUserAdmin, isUserAliases, isUserEmail, isUserGroups,
    type Company, type Group, type MailAlias, type User, type UserAliases, type UserEmail
} from '../generated/ast.js';

/** Read-only views of a company that several rules share. */

export const companyOf = (node: AstNode): Company | undefined => AstUtils.getContainerOfType(node, isCompany);

export const usersOf = (company: Company): User[] => company.members.filter(isUser);
export const groupsOf = (company: Company): Group[] => company.members.filter(isGroup);
export const mailAliasesOf = (company: Company): MailAlias[] => company.members.filter(isMailAlias);

export const emailOf = (user: User): UserEmail | undefined => user.properties.find(isUserEmail);

/** The local part a user receives mail at: `email` if written, else the user name. */
export const localPartOf = (user: User): string => emailOf(user)?.localPart ?? user.name;

export const aliasListsOf = (user: User): UserAliases[] => user.properties.filter(isUserAliases);
export const userAliasesOf = (user: User): string[] => aliasListsOf(user).flatMap(a => a.aliases);

export const isAdmin = (user: User): boolean => user.properties.some(isUserAdmin);

export const groupRefsOf = (user: User) => user.properties.filter(isUserGroups).flatMap(g => g.groups);

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

/** What kind of declaration a node is, for messages. */
export function kindOf(node: AstNode): string {
    if (isUser(node)) {
        return 'user';
    }
    if (isGroup(node)) {
        return 'group';
    }
    return isMailAlias(node) ? 'alias' : 'company';
}

/** 1-based line of a node, for "first declared on line N". */
export const lineOf = (node: AstNode): number => (node.$cstNode?.range.start.line ?? 0) + 1;
