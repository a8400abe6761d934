import type { ValidationAcceptor } from 'langium';
import {
    isGuestNetwork, isPublicAddress, isPublicIpv6, isVmAddress,
    type GuestNetwork, type PublicAddress, type PublicIpv6, type Server, type Spec, type VmAddress
} from '../generated/ast.js';
import {
    broadcastAddress, cidrHostBitsFix, cidrSyntaxProblem, formatCidr, formatIpv4, hypervisorAddress, ipv4SyntaxProblem,
    ipv6SyntaxProblem, networkContains, networksOverlap, nonPublicRange, normalizedIpv6, parseCidr, parseIpv4, withoutLeadingZeros, type Ipv4Network
} from '../semantics/ipv4.js';
import { DEFAULT_NETWORK, effectiveVms } from '../semantics/placement.js';
import { declaredVms, firstMember, firstSetting } from '../semantics/server-facts.js';
import { ServerCodes } from './server-codes.js';
import { coded } from './report.js';

/** Address syntax, addresses inside their network, reserved and duplicate addresses, overlapping networks. */

/** Report a malformed IPv4 `address`; true when it is a well-formed dotted quad to check further. */
function wellFormedAddress(node: PublicAddress | VmAddress, accept: ValidationAcceptor): boolean {
    if (typeof node.address !== 'string') {
        return false;  // half-typed: the parser reports it
    }
    const problem = ipv4SyntaxProblem(node.address);
    if (problem) {
        accept('error', problem, coded(ServerCodes.InvalidIpv4, { node, property: 'address' }, replacement(node.address)));
        return false;
    }
    return true;
}

export function checkPublicAddress(node: PublicAddress, accept: ValidationAcceptor): void {
    if (!wellFormedAddress(node, accept)) {
        return;
    }
    const range = nonPublicRange(node.address);
    if (range) {
        accept('warning', `${node.address} is a ${RANGE_NAMES[range] ?? range} address, not reachable from the Internet: `
            + 'write the public IPv4 address of the server (for examples, use 192.0.2.0/24, 198.51.100.0/24 or 203.0.113.0/24).',
            coded(ServerCodes.PublicAddressNotPublic, { node, property: 'address' }));
    }
}

const RANGE_NAMES: Readonly<Record<string, string>> = {
    private: 'private (RFC 1918)', loopback: 'loopback', linkLocal: 'link-local', carrierGradeNat: 'carrier-grade NAT (RFC 6598)',
    multicast: 'multicast', broadcast: 'broadcast', unspecified: 'unspecified (0.0.0.0/8)', reserved: 'reserved',
    benchmarking: 'benchmarking (RFC 2544)', as112: 'AS112', amt: 'AMT relay'
};

export function checkPublicIpv6(node: PublicIpv6, accept: ValidationAcceptor): void {
    if (typeof node.address !== 'string') {
        return;  // half-typed: the parser reports it
    }
    const problem = ipv6SyntaxProblem(node.address);
    if (problem) {
        accept('error', problem, coded(ServerCodes.InvalidIpv6, { node, property: 'address' }));
    }
}

export function checkGuestNetwork(node: GuestNetwork, accept: ValidationAcceptor): void {
    if (typeof node.cidr !== 'string') {
        return;  // half-typed: the parser reports it
    }
    const problem = cidrSyntaxProblem(node.cidr);
    if (problem) {
        const [address, prefix] = node.cidr.split('/');
        const fixed = ipv4SyntaxProblem(address) ? withoutLeadingZeros(address) : address;
        const extra = fixed !== address && !ipv4SyntaxProblem(fixed) ? { replacement: `${fixed}/${prefix}` } : {};
        accept('error', problem, coded(ServerCodes.InvalidCidr, { node, property: 'cidr' }, extra));
        return;
    }
    const fix = cidrHostBitsFix(node.cidr);
    if (fix) {
        accept('error', `${node.cidr} has host bits set: a network is named by its first address. Did you mean ${fix}?`,
            coded(ServerCodes.CidrHostBits, { node, property: 'cidr' }, { replacement: fix }));
    }
}

export function checkVmAddress(node: VmAddress, accept: ValidationAcceptor): void {
    if (!wellFormedAddress(node, accept)) {
        return;
    }
    const server = node.$container.$container;
    const net = checkedNetwork(server);
    if (!net) {
        return;  // the network itself is invalid and reported there
    }
    const address = parseIpv4(node.address)!;
    const where = `${server.name}'s guest network ${formatCidr(net)}`;
    const usable = `pick one from ${formatIpv4(hypervisorAddress(net) + 1)} to ${formatIpv4(broadcastAddress(net) - 1)}`;
    if (!networkContains(net, address)) {
        accept('error', `${node.address} is outside ${where}: ${usable}.`,
            coded(ServerCodes.AddressOutsideNetwork, { node, property: 'address' }));
        return;
    }
    const reserved = address === net.network ? 'the network address'
        : address === broadcastAddress(net) ? 'the broadcast address'
            : address === hypervisorAddress(net) ? 'the hypervisor\'s own address' : undefined;
    if (reserved) {
        accept('error', `${node.address} is ${reserved} of ${where}, so no VM can have it: ${usable}.`,
            coded(ServerCodes.AddressReserved, { node, property: 'address' }));
    }
}

/** The network VM addresses are checked against: the declared one if valid, the default if none, else undefined. */
export function checkedNetwork(server: Server): Ipv4Network | undefined {
    const declared = firstMember(server, isGuestNetwork);
    return declared ? parseCidr(declared.cidr) : parseCidr(DEFAULT_NETWORK);
}

function replacement(address: string): Record<string, unknown> {
    const fixed = withoutLeadingZeros(address);
    return fixed !== address && !ipv4SyntaxProblem(fixed) ? { replacement: fixed } : {};
}

/** Two VMs of one server with one address; and VMs the network has no room for. */
export function checkServerAddresses(server: Server, accept: ValidationAcceptor): void {
    const seen = new Map<number, string>();
    for (const vm of declaredVms(server)) {
        const node = firstSetting(vm, isVmAddress);
        const address = node && parseIpv4(node.address);
        if (node && address !== undefined) {
            const first = seen.get(address);
            if (first) {
                accept('error', `${node.address} is already the address of VM ${first}: give each VM its own address, or leave it out to get a free one.`,
                    coded(ServerCodes.DuplicateAddress, { node, property: 'address' }));
            } else {
                seen.set(address, vm.name);
            }
        }
    }
    const homeless = effectiveVms(server).filter(vm => vm.address === undefined).map(vm => vm.name);
    if (homeless.length > 0) {
        const network = firstMember(server, isGuestNetwork);
        const message = `The guest network of ${server.name} has no free address left for ${homeless.join(', ')}: use a larger network, e.g. a /24.`;
        if (network) {
            accept('error', message, coded(ServerCodes.NetworkTooSmall, { node: network, property: 'cidr' }));
        } else {
            accept('error', message, coded(ServerCodes.NetworkTooSmall, { node: server, property: 'name' }));
        }
    }
}

/**
 * Guest networks of different servers must not overlap: replicas and extra videobridges reach the
 * first server's VMs over a tunnel between the hypervisors, which routes by network.
 */
export function checkNetworksAcrossServers(spec: Spec, accept: ValidationAcceptor): void {
    const seen: Array<{ server: Server, net: Ipv4Network }> = [];
    for (const server of spec.servers) {
        const net = checkedNetwork(server);
        if (!net) {
            continue;
        }
        const other = seen.find(s => networksOverlap(s.net, net));
        if (other) {
            const suggestion = freeNetwork(spec.servers.map(checkedNetwork).filter(n => n !== undefined));
            reportOverlap(server, { name: other.server.name, net: other.net }, suggestion, accept);
        }
        seen.push({ server, net });
    }
    checkPublicAddressesAcrossServers(spec, accept);
}

/** The server a network overlaps: its name, network and, when it is in another file, where (`b.company:4`). */
export interface OverlappedServer {
    readonly name: string;
    readonly net: Ipv4Network;
    readonly where?: string;
}

export function reportOverlap(server: Server, other: OverlappedServer, suggestion: string, accept: ValidationAcceptor): void {
    const declared = firstMember(server, isGuestNetwork);
    const extra = { replacement: suggestion, server: server.name };
    const where = other.where ? ` (${other.where})` : '';
    if (declared) {
        accept('error', `${declared.cidr} overlaps ${other.name}'s guest network ${formatCidr(other.net)}${where}: `
            + `give each server its own network, e.g. network ${suggestion}.`,
            coded(ServerCodes.NetworkOverlap, { node: declared, property: 'cidr' }, extra));
    } else {
        accept('error', `${server.name} uses the default guest network ${DEFAULT_NETWORK}, which overlaps ${other.name}'s ${formatCidr(other.net)}${where}: `
            + `give it its own, e.g. network ${suggestion}.`,
            coded(ServerCodes.NetworkOverlap, { node: server, property: 'name' }, extra));
    }
}

/** The first 10.N.0.0/24 that overlaps none of the taken networks. */
export function freeNetwork(taken: readonly Ipv4Network[]): string {
    for (let n = 0; n < 256; n++) {
        const candidate = parseCidr(`10.${n}.0.0/24`)!;
        if (!taken.some(t => networksOverlap(t, candidate))) {
            return formatCidr(candidate);
        }
    }
    return '10.0.0.0/24';
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

/** How a public address is named in messages. */
export const publicAddressKind = (node: PublicAddress | PublicIpv6): string => isPublicIpv6(node) ? 'public IPv6 address' : 'public address';

function checkPublicAddressesAcrossServers(spec: Spec, accept: ValidationAcceptor): void {
    const seen = new Map<string, Server>();
    for (const server of spec.servers) {
        for (const { key, node } of publicAddressKeys(server)) {
            const other = seen.get(key);
            if (other) {
                accept('error', `${node.address} is already the ${publicAddressKind(node)} of ${other.name}: each server needs its own public address.`,
                    coded(ServerCodes.DuplicatePublicAddress, { node, property: 'address' }));
            } else {
                seen.set(key, server);
            }
        }
    }
}
