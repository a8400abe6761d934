import {
    isCpusSetting, isDiskSetting, isGuestNetwork, isMemorySetting, isPlacementSetting, isPublicAddress, isVm, isVmAddress, isVmRoles,
    type RoleKind, type RoleUse, type Server, type ServerMember, type Size, type Vm, type VmSetting
} from '../generated/ast.js';
import { ROLE_NAMES } from '../catalog/roles.js';

/**
 * Plain facts about servers and VMs as written: the declared VMs and what they run, addresses,
 * resources, the placement mode. Nothing here decides anything (where conventional VMs go, which
 * address is allocated): that is `placement.ts`, built on these readers.
 */

export type PlacementMode = 'conventional' | 'explicit';

/** The first member of a kind: later duplicates are errors, so the first one is what counts. */
export function firstMember<T extends ServerMember>(server: Server, guard: (m: ServerMember) => m is T): T | undefined {
    return server.members.find(guard);
}

export function firstSetting<T extends VmSetting>(vm: Vm, guard: (s: VmSetting) => s is T): T | undefined {
    return vm.settings.find(guard);
}

export function placementMode(server: Server): PlacementMode {
    return firstMember(server, isPlacementSetting)?.mode ?? 'conventional';
}

export function declaredVms(server: Server): Vm[] {
    return server.members.filter(isVm);
}

/** The public address and its interface as written. */
export function publicAddressOf(server: Server): { address: string, iface?: string } | undefined {
    const pub = firstMember(server, isPublicAddress);
    return pub ? { address: pub.address, iface: pub.interface } : undefined;
}

/** The guest network as written (CIDR text), valid or not. */
export function declaredNetwork(server: Server): string | undefined {
    return firstMember(server, isGuestNetwork)?.cidr;
}

/** The roles a VM declares; a half-typed role without its name is left out. */
export function roleUses(vm: Vm): RoleUse[] {
    return vm.settings.filter(isVmRoles).flatMap(r => r.roles).filter(u => ROLE_NAMES.includes(u.role));
}

/** A role used without `from`/`for` runs the role itself rather than replicating another VM's. */
export function isPrimary(role: { readonly relation?: string }): boolean {
    return role.relation === undefined;
}

/** Roles run as primaries by some declared VM of the server. */
export function declaredPrimaryRoles(server: Server): Set<RoleKind> {
    return new Set(declaredVms(server).flatMap(vm => roleUses(vm).filter(isPrimary).map(u => u.role)));
}

/** `ldap from hv1.auth` as written; just the role while its source is not typed yet. */
export function roleUseText(use: RoleUse): string {
    return use.relation && use.source ? `${use.role} ${use.relation} ${use.source.$refText}` : use.role;
}

/** The address a VM declares, as written. */
export function vmAddress(vm: Vm): string | undefined {
    return firstSetting(vm, isVmAddress)?.address;
}

/** A VM's own memory/cpus/disk settings, as written. */
export function vmResources(vm: Vm): { memory?: Size, cpus?: number, disk?: Size } {
    return {
        memory: firstSetting(vm, isMemorySetting)?.size,
        cpus: firstSetting(vm, isCpusSetting)?.count,
        disk: firstSetting(vm, isDiskSetting)?.size
    };
}
