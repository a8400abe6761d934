import {
    isCpusSetting, isDiskSetting, isGuestNetwork, isMemorySetting, isPlacementSetting, isPublicAddress, isPublicIpv6, isVm, isVmAddress, isVmRoles,
    type PublicAddress, type PublicIpv6, type RoleKind, type RoleUse, type Server, type ServerMember, type Size, type Vm, type VmSetting
} from '../generated/ast.js';
import { ROLE_NAMES, roleInfo } from '../catalog/roles.js';
import { formatCidr, networksOverlap, normalizedIpv6, parseCidr, parseIpv4, type Ipv4Network } from './ipv4.js';
import type { EffectiveVm } from './placement.js';

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

/** The guest network of a server that says nothing. */
export const DEFAULT_NETWORK = '10.0.0.0/24';

/**
 * The longest usable guest network prefix: a /29 holds the hypervisor (.1) and five VMs; a /30
 * or longer leaves no room for the VMs every company needs.
 */
export const MAX_GUEST_PREFIX = 29;

/**
 * The guest network VMs live on: the declared one when it is valid and large enough, the default
 * when none is declared, undefined when the declared one is unusable (validation reports why).
 */
export function usableNetwork(server: Server): Ipv4Network | undefined {
    const declared = firstMember(server, isGuestNetwork);
    if (!declared) {
        return parseCidr(DEFAULT_NETWORK);
    }
    const net = parseCidr(declared.cidr);
    return net && net.prefix <= MAX_GUEST_PREFIX ? net : undefined;
}

/** The first 10.N.0.0/24 that overlaps none of the taken networks. */
export function freeNetwork(taken: readonly Ipv4Network[]): string {
    for (let n = 0; n < 256; n++) {
        const candidate = parseCidr(`10.${n}.0.0/24`)!;
        if (!taken.some(t => networksOverlap(t, candidate))) {
            return formatCidr(candidate);
        }
    }
    return DEFAULT_NETWORK;
}

/** A server's public IPv4 and IPv6 addresses, keyed (`ipv4:…`, `ipv6:…`) so that one address written two ways matches. */
export function publicAddressKeys(server: Server): Array<{ key: string, node: PublicAddress | PublicIpv6 }> {
    const result: Array<{ key: string, node: PublicAddress | PublicIpv6 }> = [];
    const ipv4 = firstMember(server, isPublicAddress);
    const ipv4Key = parseIpv4(ipv4?.address);
    if (ipv4 && ipv4Key !== undefined) {
        result.push({ key: `ipv4:${ipv4Key}`, node: ipv4 });
    }
    const ipv6 = firstMember(server, isPublicIpv6);
    const ipv6Key = normalizedIpv6(ipv6?.address);
    if (ipv6 && ipv6Key !== undefined) {
        result.push({ key: `ipv6:${ipv6Key}`, node: ipv6 });
    }
    return result;
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

/**
 * The role a use's source VM must run as a primary: `ldap from X` needs ldap on X, `videobridge
 * for X` the Meet on X; undefined for a role that takes no source, or with the wrong keyword.
 */
export function sourceRoleOf(use: RoleUse): RoleKind | undefined {
    if (!ROLE_NAMES.includes(use.role) || roleInfo(use.role).sourceRelation?.keyword !== use.relation) {
        return undefined;
    }
    return use.relation === 'for' ? 'meet' : use.role;
}

/**
 * The declared VMs that run `role` as a primary in a server's placement (`effectiveVms`), which
 * the caller works out once: a declared VM may get a role by convention, and only a declared VM
 * can be named as a source.
 */
export function primaryVmsFor(placement: readonly EffectiveVm[], role: RoleKind): Vm[] {
    return placement.filter(vm => vm.declared && vm.roles.some(r => r.role === role && isPrimary(r))).map(vm => vm.declared!);
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
