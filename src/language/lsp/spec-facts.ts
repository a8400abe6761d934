import {
    isCompany, isDomainSetting, isGroup, isMemorySetting, isCpusSetting, isDiskSetting, isPublicAddress, isGuestNetwork,
    isServiceList, isUser, isUserAdmin, isUserAliases, isUserEmail, isUserGroups, isVm, isVmAddress, isVmRoles,
    type Company, type Group, type RoleUse, type Server, type Size, type User, type Vm
} from '../generated/ast.js';

/**
 * Small read-only questions about a spec that hover, outline and completion ask alike
 * (what is a user's address, who is in a group, what does a VM run). They read the AST as
 * written; defaults are named, never computed from other rules, so the editor stays fast.
 */

export function companyDomain(company: Company | undefined): string | undefined {
    return company?.members.find(isDomainSetting)?.domain;
}

export function usersOf(company: Company): User[] {
    return company.members.filter(isUser);
}

export function groupsOf(company: Company): Group[] {
    return company.members.filter(isGroup);
}

export function servicesOf(company: Company): string[] {
    return company.members.filter(isServiceList).flatMap(list => list.services);
}

/** The local part of a user's mailbox: `email` if given, else the user ID. */
export function mailLocalPart(user: User): string {
    return unquote(user.properties.find(isUserEmail)?.localPart ?? user.name);
}

/** `local@domain`, or just the local part while the company has no domain yet. */
export function mailAddress(user: User): string {
    const domain = isCompany(user.$container) ? companyDomain(user.$container) : undefined;
    const local = mailLocalPart(user);
    return domain ? `${local}@${domain}` : local;
}

/** The group names the user lists, as written (qualified names stay qualified). */
export function userGroupNames(user: User): string[] {
    return user.properties.filter(isUserGroups).flatMap(g => g.groups.map(ref => ref.$refText));
}

export function userAliases(user: User): string[] {
    return user.properties.filter(isUserAliases).flatMap(a => a.aliases.map(unquote));
}

export function isAdmin(user: User): boolean {
    return user.properties.some(isUserAdmin);
}

/** Users of the group's company that list the group in `groups` (its direct members). */
export function directMembers(group: Group): User[] {
    const company = group.$container;
    return usersOf(company).filter(user => user.properties.filter(isUserGroups)
        .some(list => list.groups.some(ref => ref.ref === group || (!ref.ref && ref.$refText === group.name))));
}

export function vmRoles(vm: Vm): RoleUse[] {
    return vm.settings.filter(isVmRoles).flatMap(r => r.roles);
}

export function vmAddress(vm: Vm): string | undefined {
    return vm.settings.find(isVmAddress)?.address;
}

/** A VM's own memory/cpus/disk settings, as written. */
export function vmResources(vm: Vm): { memory?: Size, cpus?: number, disk?: Size } {
    return {
        memory: vm.settings.find(isMemorySetting)?.size,
        cpus: vm.settings.find(isCpusSetting)?.count,
        disk: vm.settings.find(isDiskSetting)?.size
    };
}

export function serverVms(server: Server): Vm[] {
    return server.members.filter(isVm);
}

export function serverPublicAddress(server: Server): { address: string, iface?: string } | undefined {
    const pub = server.members.find(isPublicAddress);
    return pub ? { address: pub.address, iface: pub.interface } : undefined;
}

export function serverNetwork(server: Server): string | undefined {
    return server.members.find(isGuestNetwork)?.cidr;
}

export function formatSize(size: Size | undefined): string | undefined {
    return size ? `${size.value}${size.unit ? ` ${size.unit}` : ''}` : undefined;
}

/** `ldap from hv1.auth` as written. */
export function formatRoleUse(use: RoleUse): string {
    return use.relation && use.source ? `${use.role} ${use.relation} ${use.source.$refText}` : use.role;
}

/** Strip the quotes of a local part written as a string. */
export function unquote(text: string): string {
    return /^(["']).*\1$/s.test(text) ? text.slice(1, -1) : text;
}
