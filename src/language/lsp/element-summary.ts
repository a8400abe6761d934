import type { AstNode } from 'langium';
import {
    isCompany, isGroup, isMailAlias, isServer, isUser, isUserPasswordHash, isVm,
    type Company, type Group, type MailAlias, type Server, type User, type Vm
} from '../generated/ast.js';
import {
    companyDomain, directMembers, formatRoleUse, formatSize, groupsOf, isAdmin, mailAddress, servicesOf,
    serverNetwork, serverPublicAddress, serverVms, userAliases, userGroupNames, usersOf, vmAddress, vmResources, vmRoles
} from './spec-facts.js';

/**
 * The Markdown summary of a declared element, shown under its doc comment on hover.
 * Only facts written in the spec (or a named default); a password hash is never shown.
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

function heading(kind: string, name: string, title?: string): string {
    return `**${kind}** \`${name}\`${title ? ` — ${title}` : ''}`;
}

function list(items: readonly string[], none = 'none'): string {
    return items.length > 0 ? items.map(i => `\`${i}\``).join(', ') : none;
}

function bullets(rows: ReadonlyArray<[string, string | undefined]>): string {
    return rows.filter(([, value]) => value !== undefined).map(([label, value]) => `- **${label}:** ${value}`).join('\n');
}

function userSummary(user: User): string {
    const hasHash = user.properties.some(isUserPasswordHash);
    return [heading('user', user.name, user.fullName), '', bullets([
        ['Full name', user.fullName ?? '(none)'],
        ['Mail', `\`${mailAddress(user)}\``],
        ['Groups', list(userGroupNames(user))],
        ['Aliases', list(userAliases(user))],
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
    return [heading('company', company.name, company.displayName), '', bullets([
        ['Display name', company.displayName ?? '(none)'],
        ['Domain', companyDomain(company) ? `\`${companyDomain(company)}\`` : '(none yet)'],
        ['Users', String(usersOf(company).length)],
        ['Groups', String(groupsOf(company).length)],
        ['Services', list(servicesOf(company))]
    ])].join('\n');
}

function vmSummary(vm: Vm): string {
    const resources = vmResources(vm);
    const address = vmAddress(vm);
    return [heading('vm', vm.name, isServer(vm.$container) ? `on server \`${vm.$container.name}\`` : undefined), '', bullets([
        ['Address', address ? `\`${address}\`` : 'allocated automatically'],
        ['Roles', list(vmRoles(vm).map(formatRoleUse))],
        ['Memory', formatSize(resources.memory) ?? 'default (enough for its roles)'],
        ['CPUs', resources.cpus !== undefined ? String(resources.cpus) : 'default (1)'],
        ['Disk', formatSize(resources.disk) ?? 'default (10 GB)']
    ])].join('\n');
}

function serverSummary(server: Server): string {
    const pub = serverPublicAddress(server);
    return [heading('server', server.name), '', bullets([
        ['Public address', pub ? `\`${pub.address}\`${pub.iface ? ` on \`${pub.iface}\`` : ''}` : '(none yet)'],
        ['Network', `\`${serverNetwork(server) ?? '10.0.0.0/24'}\`${serverNetwork(server) ? '' : ' (default)'}`],
        ['VMs', list(serverVms(server).map(vm => vm.name), 'none written out (conventional placement)')]
    ])].join('\n');
}

function aliasSummary(alias: MailAlias): string {
    const targets = alias.targets.map(t => t.ref ? t.ref.$refText : (t.external ?? ''));
    return [heading('alias', alias.name), '', bullets([
        ['Delivers to', list(targets)]
    ])].join('\n');
}
