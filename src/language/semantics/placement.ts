import type { Company, RoleKind, RoleUse, Server, Vm } from '../generated/ast.js';
import { CONVENTIONAL_VMS, CORE_ROLES, roleInfo, SERVICE_ROLE } from '../catalog/roles.js';
import { servicesOf } from './company-facts.js';
import { hostedCompanies } from './hosting.js';
import { formatIpv4, hypervisorAddress, networkContains, parseCidr, parseIpv4, broadcastAddress, type Ipv4Network } from './ipv4.js';
import { DEFAULT_NETWORK, declaredPrimaryRoles, declaredVms, placementMode, roleUses, usableNetwork, vmAddress, vmResources } from './server-facts.js';
import { sizeInGiB, sizeInMiB } from './sizes.js';

/**
 * Where every role of a server runs: the declared VMs plus, under `placement conventional` (the
 * default), the conventional VMs for the needed roles that no declared VM runs. Pure: the validator
 * and the model stage both derive from it, so they never disagree.
 */

/** Conventional VMs take fixed addresses from network + 10 (see `allocateAddresses`). */
export const FIRST_ALLOCATED_OFFSET = 10;
/** Other VMs without a written address are allocated from network + 20 upward. */
export const FIRST_OTHER_OFFSET = 20;
export const DEFAULT_CPUS = 1;
export const DEFAULT_DISK_GIB = 10;
/** Memory of a VM that says nothing: what its roles need (catalog minimum), never below this. */
export const MIN_DEFAULT_MEMORY_MIB = 256;

/** One role on one VM; `relation`/`source` are set for replicas, secondaries and extra videobridges. */
export interface EffectiveRole {
    readonly role: RoleKind;
    readonly relation?: 'from' | 'for';
    /** The source VM as written, e.g. `hv1.auth`. */
    readonly source?: string;
    /** The role as written in the spec; undefined for a role placed by convention. */
    readonly use?: RoleUse;
}

export interface EffectiveVm {
    readonly name: string;
    /** Dotted quad; undefined only when the guest network has no free address left. */
    readonly address: string | undefined;
    readonly roles: readonly EffectiveRole[];
    /** The VM as written in the spec; undefined for a conventional VM nobody wrote. */
    readonly declared: Vm | undefined;
    readonly memoryMiB: number;
    readonly cpus: number;
    readonly diskGiB: number;
}

/** The guest network addresses are allocated from: the usable declared one, else (none, or unusable) the default. */
function guestNetwork(server: Server): Ipv4Network {
    return usableNetwork(server) ?? parseCidr(DEFAULT_NETWORK)!;
}

/** Roles the hosted companies need: the core roles plus one per service they use. */
export function companyRoles(companies: readonly Company[]): Set<RoleKind> {
    const roles = new Set<RoleKind>(companies.length > 0 ? CORE_ROLES : []);
    for (const company of companies) {
        for (const service of servicesOf(company)) {
            if (SERVICE_ROLE[service]) {
                roles.add(SERVICE_ROLE[service]);
            }
        }
    }
    return roles;
}

/**
 * Roles that must run as primaries on this server: the hosted companies' roles and the declared
 * primary roles, closed over `requires`. Replicas and secondaries add nothing (their source provides
 * what they need), and a videobridge never pulls in a Meet: it serves an existing one, and the
 * validator insists that one exists.
 */
export function neededRoles(server: Server, companies: readonly Company[] = hostedCompanies(server)): Set<RoleKind> {
    const needed = companyRoles(companies);
    declaredPrimaryRoles(server).forEach(role => needed.add(role));
    const pending = [...needed];
    while (pending.length > 0) {
        const role = pending.pop()!;
        if (role === 'videobridge') {
            continue;
        }
        for (const required of roleInfo(role).requires) {
            if (!needed.has(required)) {
                needed.add(required);
                pending.push(required);
            }
        }
    }
    return needed;
}

/**
 * The effective VMs of a server, declared ones first in source order, then conventional ones in
 * catalog order. Under conventional placement a missing role goes to its conventional VM; when a
 * declared VM already has that name (e.g. `vm cloud { runs cloud }` and the needed `database`), the
 * role joins that VM, as the convention says.
 */
export function effectiveVms(server: Server, companies: readonly Company[] = hostedCompanies(server)): EffectiveVm[] {
    const drafts = declaredVms(server).map(vm => ({ name: vm.name, declared: vm as Vm | undefined, roles: roleUses(vm).map(toEffectiveRole) }));
    if (placementMode(server) === 'conventional') {
        const present = declaredPrimaryRoles(server);
        const missing = [...neededRoles(server, companies)].filter(r => !present.has(r));
        for (const vmName of CONVENTIONAL_VMS) {
            const roles = missing.filter(r => roleInfo(r).conventionalVm === vmName).sort(byRoleOrderOnVm);
            if (roles.length === 0) {
                continue;
            }
            const existing = drafts.find(d => d.name === vmName);
            if (existing) {
                existing.roles.push(...roles.map(role => ({ role })));
            } else {
                drafts.push({ name: vmName, declared: undefined, roles: roles.map(role => ({ role })) });
            }
        }
    }
    const addresses = allocateAddresses(guestNetwork(server), drafts);
    return drafts.map((d, i) => ({
        name: d.name, declared: d.declared, roles: d.roles, address: addresses[i],
        ...resources(d.declared, d.roles)
    }));
}

function toEffectiveRole(use: RoleUse): EffectiveRole {
    return { role: use.role, relation: use.relation, source: use.source?.$refText, use };
}

/**
 * The order in which conventional placement lists roles on one VM: the catalog's, except that
 * `database` comes before `cloud`, which needs it (the conventional cloud VM runs `database, cloud`).
 */
const ROLE_ORDER_ON_VM: readonly RoleKind[] = ['ldap', 'dns', 'mx', 'mail', 'webmail', 'database', 'cloud', 'git', 'meet', 'videobridge', 'proxy', 'website'];
function byRoleOrderOnVm(a: RoleKind, b: RoleKind): number {
    return ROLE_ORDER_ON_VM.indexOf(a) - ROLE_ORDER_ON_VM.indexOf(b);
}

/**
 * Keep every valid declared address inside the network. A VM with a conventional name gets its fixed
 * slot (auth .10, mx .11, mail .12, webmail .13, cloud .14, git .15, meet .16, rproxy .17, www .18) when
 * that slot is free, so writing out or adding another VM never moves it; every other VM gets the next
 * free address from .20 up, then whatever is left from .10 and from .2. Network, broadcast and
 * hypervisor (.1) addresses are never handed out.
 */
function allocateAddresses(net: Ipv4Network, vms: ReadonlyArray<{ name: string, declared: Vm | undefined }>): Array<string | undefined> {
    const broadcast = broadcastAddress(net);
    const inside = (a: number) => a > hypervisorAddress(net) && a < broadcast;
    const taken = new Set<number>();
    const result: Array<number | undefined> = vms.map(({ declared }) => {
        const address = parseIpv4(declared && vmAddress(declared));
        return address !== undefined && networkContains(net, address) ? address : undefined;
    });
    result.forEach(a => a !== undefined && taken.add(a));
    vms.forEach(({ name }, i) => {
        const slot = CONVENTIONAL_VMS.indexOf(name);
        const address = net.network + FIRST_ALLOCATED_OFFSET + slot;
        if (result[i] === undefined && slot >= 0 && inside(address) && !taken.has(address)) {
            result[i] = address;
            taken.add(address);
        }
    });
    const free = freeAddresses(net, taken);
    return result.map(address => {
        // A written address outside the network is reported by validation; allocate one meanwhile.
        address ??= free.next().value;
        return address === undefined ? undefined : formatIpv4(address);
    });
}

/** Free addresses in allocation order: .20 up, then .10–.19, then .2–.9; lazily (a /8 has 16 million). */
function* freeAddresses(net: Ipv4Network, taken: ReadonlySet<number>): Generator<number, undefined> {
    const broadcast = broadcastAddress(net);
    const ranges: Array<[number, number]> = [
        [net.network + FIRST_OTHER_OFFSET, broadcast - 1],
        [net.network + FIRST_ALLOCATED_OFFSET, Math.min(net.network + FIRST_OTHER_OFFSET - 1, broadcast - 1)],
        [hypervisorAddress(net) + 1, Math.min(net.network + FIRST_ALLOCATED_OFFSET - 1, broadcast - 1)]
    ];
    for (const [from, to] of ranges) {
        for (let a = from; a <= to; a++) {
            if (!taken.has(a)) {
                yield a;
            }
        }
    }
    return undefined;
}

function resources(vm: Vm | undefined, roles: readonly EffectiveRole[]): { memoryMiB: number, cpus: number, diskGiB: number } {
    const written: ReturnType<typeof vmResources> = vm ? vmResources(vm) : {};
    return {
        memoryMiB: sizeInMiB(written.memory) ?? Math.max(MIN_DEFAULT_MEMORY_MIB, rolesMinMemoryMiB(roles)),
        cpus: written.cpus ?? DEFAULT_CPUS,
        diskGiB: sizeInGiB(written.disk) ?? DEFAULT_DISK_GIB
    };
}

/** What the roles of a VM need together, per the catalog. */
export function rolesMinMemoryMiB(roles: ReadonlyArray<{ role: RoleKind }>): number {
    return roles.reduce((sum, r) => sum + roleInfo(r.role).minMemoryMiB, 0);
}
