import type { RoleKind } from '../language/generated/ast.js';
import type { CompanyModel, Infrastructure, ServerModel, VmModel } from './infrastructure.js';

/**
 * Which VM answers for a company's role. Renderers use these instead of searching the model, so
 * "the LDAP server the mail VM talks to" is decided in one place: a copy on the caller's own
 * server (an LDAP replica, a DNS secondary) first, else the primary.
 */

const allVms = (infra: Infrastructure): VmModel[] => infra.servers.flatMap(s => s.vms);

/** The VM running `role` as a primary for `company`. */
export function primaryVm(infra: Infrastructure, company: string, role: RoleKind): VmModel | undefined {
    return allVms(infra).find(vm => vm.roles.some(r => r.role === role && r.relation === undefined && r.companies.includes(company)));
}

/** The VM running `role` (primary or copy) for `company` on `server`, else the primary anywhere. */
export function nearestVm(infra: Infrastructure, company: string, role: RoleKind, server: string): VmModel | undefined {
    const local = allVms(infra).find(vm => vm.server === server && vm.roles.some(r => r.role === role && r.companies.includes(company)));
    return local ?? primaryVm(infra, company, role);
}

/** As `nearestVm`, for a role validation guarantees (the spec would not validate without it). */
export function requireVm(infra: Infrastructure, company: string, role: RoleKind, server: string): VmModel {
    const vm = nearestVm(infra, company, role, server);
    if (!vm) {
        throw new Error(`no VM runs ${role} for company ${company}`);
    }
    return vm;
}

/** The VM with host id `server.vm`, if any. */
export function findVm(infra: Infrastructure, host: string): VmModel | undefined {
    return allVms(infra).find(vm => vm.host === host);
}

/** The VM with host id `server.vm`; throws when there is none (a model bug: hosts come from the model). */
export function vmByHost(infra: Infrastructure, host: string): VmModel {
    const vm = findVm(infra, host);
    if (!vm) {
        throw new Error(`no VM ${host} in the infrastructure`);
    }
    return vm;
}

export function serverNamed(infra: Infrastructure, name: string): ServerModel {
    const server = infra.servers.find(s => s.name === name);
    if (!server) {
        throw new Error(`unknown server ${name}`);
    }
    return server;
}

export function companyNamed(infra: Infrastructure, name: string): CompanyModel {
    const company = infra.companies.find(c => c.name === name);
    if (!company) {
        throw new Error(`unknown company ${name}`);
    }
    return company;
}
