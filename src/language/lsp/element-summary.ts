import type { AstNode } from 'langium';
import {
    isCompany, isGroup, isMailAlias, isServer, isUser, isUserPasswordHash, isVm,
    type Company, type Group, type MailAlias, type User
} from '../generated/ast.js';
import {
    aliasTargetTexts, companyDomain, directMembers, groupRefsOf, groupsOf, isAdmin, mailAddress, servicesOf, userAliasesOf, usersOf
} from '../semantics/company-facts.js';
import { serverSummary, vmSummary } from './server-summary.js';
import { bullets, code, heading, list } from './summary-markdown.js';

/**
 * The Markdown summary of a declared element, shown under its doc comment on hover.
 * Companies, users, groups and aliases as written; servers and VMs as placed (see
 * server-summary.ts). A password hash is never shown.
 */
export function elementSummary(node: AstNode): string | undefined {
    if (isUser(node)) return userSummary(node);
    if (isGroup(node)) return groupSummary(node);
    if (isCompany(node)) return companySummary(node);
    if (isVm(node)) return vmSummary(node);
    if (isServer(node)) return serverSummary(node);
    if (isMailAlias(node)) return aliasSummary(node);
    return undefined;
}

function userSummary(user: User): string {
    const hasHash = user.properties.some(isUserPasswordHash);
    return [heading('user', user.name, user.fullName), '', bullets([
        ['Full name', user.fullName ?? '(none)'],
        ['Mail', code(mailAddress(user))],
        ['Groups', list(groupRefsOf(user).map(ref => ref.$refText))],
        ['Aliases', list(userAliasesOf(user))],
        ['Admin', isAdmin(user) ? 'yes' : 'no'],
        // Say where the password comes from, never the hash itself.
        ['Initial password', hasHash ? 'from `password-hash` (not shown)' : 'generated, kept in the secrets file']
    ])].join('\n');
}

function groupSummary(group: Group): string {
    return [heading('group', group.name, group.displayName), '', bullets([
        ['Description', group.displayName ?? '(none)'],
        ['Members', list(directMembers(group).map(u => u.name))],
        ['Includes', list(group.includes.map(ref => ref.$refText))]
    ])].join('\n');
}

function companySummary(company: Company): string {
    const domain = companyDomain(company);
    return [heading('company', company.name, company.displayName), '', bullets([
        ['Display name', company.displayName ?? '(none)'],
        ['Domain', domain ? code(domain) : '(none yet)'],
        ['Users', String(usersOf(company).length)],
        ['Groups', String(groupsOf(company).length)],
        ['Services', list(servicesOf(company))]
    ])].join('\n');
}

function aliasSummary(alias: MailAlias): string {
    return [heading('alias', alias.name), '', bullets([
        ['Delivers to', list(aliasTargetTexts(alias))]
    ])].join('\n');
}
