import { isOsSetting, isServerResources, isCpusSetting, isDiskSetting, isMemorySetting, type Company, type Server, type Vm } from '../language/generated/ast.js';
import { broadcastAddress, formatIpv4, hypervisorAddress, parseIpv4 } from '../language/semantics/ipv4.js';
import { effectiveVms, type EffectiveRole, type EffectiveVm } from '../language/semantics/placement.js';
import { portForwards } from '../language/semantics/port-forwards.js';
import { firstMember, isPrimary, publicAddressOf, usableNetwork } from '../language/semantics/server-facts.js';
import { sizeInGiB, sizeInMiB } from '../language/semantics/sizes.js';
import type { ForwardModel, GuestNetworkModel, RoleModel, ServerModel, VmModel } from './infrastructure.js';
import { BASE_PACKAGES, DAEMON_ORDER, ROLE_SOFTWARE, type DaemonId, type PackageId } from './software.js';

export const DEFAULT_OS = { name: 'netbsd', version: '10.1' } as const;
export const DEFAULT_PUBLIC_INTERFACE = 'wm0';
export const DEFAULT_MIRROR = 'https://cdn.NetBSD.org/pub/pkgsrc/packages';
export const GUEST_BRIDGE = 'bridge0';
/** vether(4) (NetBSD 10) carries the hypervisor's own address on the bridge; no VM uses it. */
export const HOST_BRIDGE_INTERFACE = 'vether0';

/** `server.vm`: a guest's host id in the manifest and the output folder, and its name in the language. */
export const hostId = (server: string, vm: string): string => `${server}.${vm}`;

/** A server as placed, before companies are resolved: its AST, hosted companies and effective VMs. */
export interface PlacedServer {
    readonly server: Server;
    readonly companies: readonly Company[];
    readonly vms: readonly EffectiveVm[];
}

export function placeServer(server: Server, companies: readonly Company[]): PlacedServer {
    return { server, companies, vms: effectiveVms(server, companies) };
}

/** The host id of the VM a `from`/`for` role points at (`north.auth`), whatever the spec wrote (`auth` or `north.auth`). */
export function sourceHost(role: EffectiveRole): string | undefined {
    const vm = role.use?.source?.ref as Vm | undefined;
    return vm ? hostId(vm.$container.name, vm.name) : undefined;
}

/**
 * The companies a role serves: a primary role serves every company its server hosts; a replica,
 * secondary or extra bridge serves the companies of the VM it copies (`companiesOf(source)`).
 */
function roleModel(role: EffectiveRole, hosted: readonly string[], companiesOf: (host: string) => readonly string[]): RoleModel {
    if (isPrimary(role)) {
        return { role: role.role, companies: hosted };
    }
    const from = sourceHost(role)!;
    return { role: role.role, relation: role.relation, from, companies: companiesOf(from) };
}

export function resolveServer(placed: PlacedServer, domain: string, companiesOf: (host: string) => readonly string[]): ServerModel {
    const { server } = placed;
    const hosted = placed.companies.map(c => c.name);
    const network = guestNetwork(server);
    const vms = placed.vms.map((vm, index) => resolveVm(vm, index, server.name, domain, hosted, companiesOf));
    const os = firstMember(server, isOsSetting);
    const pub = publicAddressOf(server)!;
    const ipv6 = server.members.find(m => m.$type === 'PublicIpv6') as { address: string } | undefined;
    return {
        name: server.name,
        os: { name: os?.os === 'edgebsd' ? 'edgebsd' : DEFAULT_OS.name, version: os?.version !== undefined ? String(os.version) : DEFAULT_OS.version },
        domain,
        fqdn: `${server.name}.${domain}`,
        publicIpv4: pub.address,
        publicInterface: pub.iface ?? DEFAULT_PUBLIC_INTERFACE,
        ...(ipv6 ? splitIpv6(ipv6.address) : {}),
        network,
        mirror: (server.members.find(m => m.$type === 'MirrorSetting') as { url: string } | undefined)?.url ?? DEFAULT_MIRROR,
        companies: hosted,
        vms,
        forwards: resolveForwards(placed, vms),
        resources: serverResources(server)
    };
}

/** `2001:db8::1/64` → address and prefix (64 when none is written). */
function splitIpv6(text: string): { publicIpv6: string, publicIpv6Prefix: number } {
    const [address, prefix] = text.split('/');
    return { publicIpv6: address, publicIpv6Prefix: prefix ? Number(prefix) : 64 };
}

function guestNetwork(server: Server): GuestNetworkModel {
    const net = usableNetwork(server)!;
    const mask = net.prefix === 0 ? 0 : (0xFFFFFFFF << (32 - net.prefix)) >>> 0;
    return {
        cidr: `${formatIpv4(net.network)}/${net.prefix}`,
        network: formatIpv4(net.network),
        prefix: net.prefix,
        netmask: formatIpv4(mask),
        broadcast: formatIpv4(broadcastAddress(net)),
        gateway: formatIpv4(hypervisorAddress(net)),
        bridge: GUEST_BRIDGE,
        hostInterface: HOST_BRIDGE_INTERFACE
    };
}

function resolveVm(vm: EffectiveVm, index: number, server: string, domain: string, hosted: readonly string[],
    companiesOf: (host: string) => readonly string[]): VmModel {
    const roles = vm.roles.map(r => roleModel(r, hosted, companiesOf));
    const address = vm.address!;
    return {
        name: vm.name,
        host: hostId(server, vm.name),
        server,
        fqdn: `${vm.name}.${domain}`,
        address,
        memoryMiB: vm.memoryMiB,
        cpus: vm.cpus,
        diskGiB: vm.diskGiB,
        tap: `tap${index + 1}`,
        mac: macFor(address),
        roles,
        packages: packagesOf(roles),
        daemons: daemonsOf(roles)
    };
}

/** 52:54:00 (QEMU's locally administered prefix) and the address's last three octets: unique on the guest network. */
export function macFor(address: string): string {
    const n = parseIpv4(address)!;
    return ['52', '54', '00', ...[16, 8, 0].map(shift => ((n >>> shift) & 0xFF).toString(16).padStart(2, '0'))].join(':');
}

export function packagesOf(roles: readonly RoleModel[]): PackageId[] {
    return [...new Set([...BASE_PACKAGES, ...roles.flatMap(r => ROLE_SOFTWARE[r.role].packages)])].sort();
}

export function daemonsOf(roles: readonly RoleModel[]): DaemonId[] {
    const wanted = new Set(roles.flatMap(r => ROLE_SOFTWARE[r.role].daemons));
    return DAEMON_ORDER.filter(d => wanted.has(d));
}

function resolveForwards(placed: PlacedServer, vms: readonly VmModel[]): ForwardModel[] {
    return portForwards(placed.server, placed.companies, placed.vms).map(f => {
        const vm = f.vm ? vms.find(v => v.name === f.vm!.name) : undefined;
        return {
            port: f.port, protocol: f.protocol, guestPort: f.guestPort, purpose: f.purpose,
            ...(vm ? { vm: vm.host, address: vm.address } : {})
        };
    });
}

function serverResources(server: Server): ServerModel['resources'] {
    const settings = server.members.filter(isServerResources).flatMap(r => r.settings);
    const memory = sizeInMiB(settings.find(isMemorySetting)?.size);
    const disk = sizeInGiB(settings.find(isDiskSetting)?.size);
    const cpus = settings.find(isCpusSetting)?.count;
    return { ...(memory !== undefined ? { memoryMiB: memory } : {}), ...(cpus !== undefined ? { cpus } : {}), ...(disk !== undefined ? { diskGiB: disk } : {}) };
}
