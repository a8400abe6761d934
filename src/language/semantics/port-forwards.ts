import type { Company, RoleUse, Server, ServiceList, ServiceSetting } from '../generated/ast.js';
import { roleInfo, type PublicPort } from '../catalog/roles.js';
import { DEFAULT_GIT_SSH_PORT } from '../catalog/services.js';
import { serviceEntry, serviceSetting, settingPort } from './company-facts.js';
import { hostedCompanies } from './hosting.js';
import { effectiveVms, type EffectiveRole, type EffectiveVm } from './placement.js';
import { isPrimary } from './server-facts.js';

/**
 * The public port-forward table of a server: which port of its one public address goes where.
 * Pure, and the one place that decides it: validation reports ports claimed twice from it, and the
 * model stage renders npf.conf from it, so the two never disagree.
 *
 * Order (stable; the first claim of a port owns it, later claims of the same port conflict):
 * 1. the hypervisor's own sshd, 22/tcp: the admins' way in (`ssh -J` to the guests), never forwarded;
 * 2. the fixed catalog ports of every role, VM by VM in effective-VM order, roles in their order on
 *    the VM, ports in catalog order. Replicas claim like primaries: a `dns from X` must answer on
 *    53 of its own server, so beside its primary on one server it conflicts (one public address
 *    cannot answer for two name servers). The Meet's own bridge takes UDP 10000 here;
 * 3. the catalog ports marked `nextFree` (extra Jitsi videobridges), VM by VM: each takes the first
 *    port from the catalog one up that nothing above claims, so beside the Meet they get 10001,
 *    10002…, and on a server without a Meet the first one gets 10000. JVB listens on that same port
 *    in the guest, so the port it advertises through its NAT mapping is the one forwarded;
 * 4. Gitea SSH, company by company in hosting order, for each company using `git`: its
 *    `git { ssh-port N }` (catalog default 2222) to port 22 of the VM running the primary git role.
 *    A company whose ssh-port is not a valid port (validation says so) or whose server runs no git
 *    (missing-required-role says so) gets no forward.
 */

export type Protocol = 'tcp' | 'udp';

/** What to blame for a forward: the role as written, the `ssh-port` value, or the `git` entry of `services`. */
export type PortOrigin =
    | { readonly kind: 'role', readonly node: RoleUse }
    | { readonly kind: 'ssh-port', readonly node: ServiceSetting }
    | { readonly kind: 'service', readonly node: ServiceList, readonly index: number };

export interface PortForward {
    /** Port on the public address. */
    readonly port: number;
    readonly protocol: Protocol;
    /** Port it reaches on the VM (or the hypervisor): the public one, except Gitea SSH (22). */
    readonly guestPort: number;
    readonly purpose: string;
    /** The VM it is forwarded to; undefined for the hypervisor itself. */
    readonly vm: EffectiveVm | undefined;
    /** The role that claims it, for catalog ports. */
    readonly role?: EffectiveRole;
    /** The company it serves, for per-company ports (Gitea SSH). */
    readonly company?: Company;
    /** Undefined when nothing written claims it (the hypervisor's sshd, a conventional role). */
    readonly origin?: PortOrigin;
}

export const HYPERVISOR_SSH_PORT = 22;
/** Gitea's SSH is the git VM's own sshd (the `git` user's authorized keys), on the usual port. */
export const GITEA_GUEST_SSH_PORT = 22;

export const portKey = (forward: { port: number, protocol: Protocol }): string => `${forward.port}/${forward.protocol}`;

export function portForwards(server: Server, companies: readonly Company[] = hostedCompanies(server),
    vms: readonly EffectiveVm[] = effectiveVms(server, companies)): PortForward[] {
    const forwards: PortForward[] = [{
        port: HYPERVISOR_SSH_PORT, protocol: 'tcp', guestPort: HYPERVISOR_SSH_PORT, purpose: 'SSH to the hypervisor', vm: undefined
    }];
    const rolePorts = vms.flatMap(vm => vm.roles.flatMap(role => roleInfo(role.role).publicPorts.map(port => ({ vm, role, port }))));
    for (const { vm, role, port } of rolePorts.filter(c => !c.port.nextFree)) {
        forwards.push(roleForward(vm, role, port, port.port));
    }
    const taken = new Set(forwards.map(portKey));
    for (const { vm, role, port } of rolePorts.filter(c => c.port.nextFree)) {
        const free = freePort(taken, port.protocol, port.port);
        taken.add(portKey({ port: free, protocol: port.protocol }));
        forwards.push(roleForward(vm, role, port, free));
    }
    forwards.push(...companies.flatMap(company => giteaSsh(company, vms)));
    return forwards;
}

function roleForward(vm: EffectiveVm, role: EffectiveRole, port: PublicPort, number: number): PortForward {
    return {
        port: number, protocol: port.protocol, guestPort: number, purpose: port.purpose, vm, role,
        origin: role.use ? { kind: 'role', node: role.use } : undefined
    };
}

function giteaSsh(company: Company, vms: readonly EffectiveVm[]): PortForward[] {
    const entry = serviceEntry(company, 'git');
    const vm = vms.find(v => v.roles.some(r => r.role === 'git' && isPrimary(r)));
    if (!entry || !vm) {
        return [];
    }
    const setting = serviceSetting(company, 'git', 'ssh-port');
    const port = setting ? settingPort(setting.value) : DEFAULT_GIT_SSH_PORT;
    if (port === undefined) {
        return [];
    }
    return [{
        port, protocol: 'tcp', guestPort: GITEA_GUEST_SSH_PORT, purpose: `git over SSH for ${company.name}`, vm, company,
        origin: setting ? { kind: 'ssh-port', node: setting } : { kind: 'service', node: entry.list, index: entry.index }
    }];
}

/** The first port from `from` up (to 65535) that no key in `taken` holds for that protocol. */
export function freePort(taken: ReadonlySet<string>, protocol: Protocol, from: number): number {
    let port = from;
    while (port < 65535 && taken.has(portKey({ port, protocol }))) {
        port++;
    }
    return port;
}

