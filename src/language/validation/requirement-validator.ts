import type { ValidationAcceptor } from 'langium';
import { isPlacementSetting, type Company, type RoleKind, type RoleUse, type Server } from '../generated/ast.js';
import { canShareVm } from './vm-sharing-validator.js';
import { CORE_ROLES, roleInfo, SERVICE_ROLE } from '../catalog/roles.js';
import { servicesOf } from '../semantics/company-facts.js';
import { companyRoles } from '../semantics/placement.js';
import { declaredPrimaryRoles, declaredVms, firstMember, isPrimary, placementMode, roleUses } from '../semantics/server-facts.js';
import { useInfo } from './role-validator.js';
import type { ServerContext } from './server-context.js';
import { ServerCodes } from './server-codes.js';
import { coded } from './report.js';

/**
 * Under `placement explicit` nothing is placed for you, so every role that a declared role requires
 * (mail needs ldap, mx and dns; cloud needs database; …) and every role a hosted company needs must
 * run on some VM of the server. Under conventional placement the missing ones get their conventional
 * VMs, so there is nothing to report. Replicas and extra videobridges require nothing here: their
 * source provides it (a bare videobridge has its own rule).
 */
export function checkRequiredRoles(server: Server, accept: ValidationAcceptor, { companies }: ServerContext): void {
    if (placementMode(server) !== 'explicit') {
        return;
    }
    const present = declaredPrimaryRoles(server);
    const reportedOnUse = new Set<RoleKind>();
    for (const vm of declaredVms(server)) {
        for (const use of roleUses(vm).filter(u => isPrimary(u) && u.role !== 'videobridge')) {
            for (const required of roleInfo(use.role).requires.filter(r => !present.has(r))) {
                reportedOnUse.add(required);
                reportMissingForUse(server, use, required, accept);
            }
        }
    }
    const placement = firstMember(server, isPlacementSetting)!;
    for (const role of companyRoles(companies)) {
        if (!present.has(role) && !reportedOnUse.has(role)) {
            accept('error', `${whyCompaniesNeed(role, companies)}, but no VM of ${server.name} runs ${role} and placement is explicit: `
                + `add ${role} to a VM, or remove \`placement explicit\` to place it on the conventional VM ${roleInfo(role).conventionalVm}.`,
                coded(ServerCodes.MissingRequiredRole, { node: placement }, { role, vms: candidateVms(server, role) }));
        }
    }
}

function reportMissingForUse(server: Server, use: RoleUse, required: RoleKind, accept: ValidationAcceptor): void {
    const vm = use.$container.$container;
    accept('error', `${use.role} needs ${required} on the same server, but no VM of ${server.name} runs it and placement is explicit: `
        + `add ${required} to a VM, e.g. VM ${candidateVms(server, required, vm.name)[0]}.`,
        coded(ServerCodes.MissingRequiredRole, useInfo(use), { role: required, vms: candidateVms(server, required, vm.name) }));
}

/**
 * VMs a quick fix may add the role to, best first: its conventional VM when declared, the VM whose
 * role needs it, then the conventional VM as a new VM.
 */
function candidateVms(server: Server, role: RoleKind, needing?: string): string[] {
    const conventional = roleInfo(role).conventionalVm;
    const declared = declaredVms(server).some(vm => vm.name === conventional);
    const fits = (name: string) => {
        const vm = declaredVms(server).find(v => v.name === name);
        return !vm || canShareVm(role, roleUses(vm).map(u => u.role));
    };
    const names = [declared ? conventional : undefined, needing, conventional].filter((n): n is string => n !== undefined && fits(n));
    // The conventional VM exists and cannot take the role (mx beside mail): a new VM named for the role.
    return names.length > 0 ? [...new Set(names)] : [`${role}-vm`];
}

function whyCompaniesNeed(role: RoleKind, companies: readonly Company[]): string {
    const names = companies.map(c => c.name).join(', ');
    if (CORE_ROLES.includes(role)) {
        return `${names} ${companies.length > 1 ? 'need' : 'needs'} ${role} (every company needs ${CORE_ROLES.join(', ')})`;
    }
    const users = companies.filter(c => servicesOf(c).some(s => SERVICE_ROLE[s] === role));
    const service = (Object.keys(SERVICE_ROLE) as Array<keyof typeof SERVICE_ROLE>).find(s => SERVICE_ROLE[s] === role);
    return `${users.map(c => c.name).join(', ')} ${users.length > 1 ? 'use' : 'uses'} the ${service} service, which needs ${role}`;
}
