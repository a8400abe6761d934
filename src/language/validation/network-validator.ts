import { AstUtils, type AstNode, type DiagnosticInfo, type ValidationAcceptor, type ValidationCheck } from 'langium';
import {
    isGuestNetwork, isPublicIpv6, isVmAddress,
    type GuestNetwork, type PublicAddress, type PublicIpv6, type Server, type Spec, type VmAddress
} from '../generated/ast.js';
import {
    broadcastAddress, cidrHostBitsFix, cidrSyntaxProblem, formatCidr, formatIpv4, hypervisorAddress, ipv4SyntaxProblem,
    ipv6SyntaxProblem, networkContains, networksOverlap, nonPublicRange, parseCidr, parseIpv4, withoutLeadingZeros, type Ipv4Network
} from '../semantics/ipv4.js';
import type { EffectiveVm } from '../semantics/placement.js';
import {
    DEFAULT_NETWORK, declaredVms, firstMember, firstSetting, freeNetwork, MAX_GUEST_PREFIX, publicAddressKeys, usableNetwork
} from '../semantics/server-facts.js';
import { ServerCodes } from './server-codes.js';
import { coded } from './report.js';
import { factsOf, locationOf, type NetworkDeclaration, type WorkspaceFacts } from './workspace-facts.js';

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
    const net = parseCidr(node.cidr)!;
    if (net.prefix > MAX_GUEST_PREFIX) {
        accept('error', `${node.cidr} is too small for a guest network: it must hold the hypervisor and the VMs, so use a /${MAX_GUEST_PREFIX} `
            + 'or larger, e.g. a /24.', coded(ServerCodes.NetworkTooSmall, { node, property: 'cidr' }));
    }
}

export function checkVmAddress(node: VmAddress, accept: ValidationAcceptor): void {
    if (!wellFormedAddress(node, accept)) {
        return;
    }
    const server = node.$container.$container;
    const net = usableNetwork(server);
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

function replacement(address: string): Record<string, unknown> {
    const fixed = withoutLeadingZeros(address);
    return fixed !== address && !ipv4SyntaxProblem(fixed) ? { replacement: fixed } : {};
}

/** Two VMs of one server with one address; and VMs the network has no room for. */
export function checkServerAddresses(server: Server, accept: ValidationAcceptor, { vms }: { vms: readonly EffectiveVm[] }): void {
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
    const homeless = vms.filter(vm => vm.address === undefined).map(vm => vm.name);
    if (homeless.length > 0) {
        accept('error', `The guest network of ${server.name} has no free address left for ${homeless.join(', ')}: use a larger network, e.g. a /24.`,
            coded(ServerCodes.NetworkTooSmall, networkAnchor(server).info));
    }
}

/** Where a diagnostic about a server's guest network goes: its `network` line, else (default network) the server name. */
function networkAnchor(server: Server): { declared?: GuestNetwork, info: DiagnosticInfo<AstNode> } {
    const declared = firstMember(server, isGuestNetwork);
    const info: DiagnosticInfo<GuestNetwork> | DiagnosticInfo<Server> = declared ? { node: declared, property: 'cidr' } : { node: server, property: 'name' };
    return { declared, info: info as DiagnosticInfo<AstNode> };
}

/**
 * Guest networks of different servers must not overlap, in one file or across the workspace:
 * replicas and extra videobridges reach the first server's VMs over a tunnel between the
 * hypervisors, which routes by network. Each network is checked against the earlier ones of its
 * file, then against those of other files (each side of a cross-file overlap is reported). Each
 * suggestion is reserved, so two servers are never told the same free network.
 */
export function checkGuestNetworkOverlaps(workspace: WorkspaceFacts): ValidationCheck<Spec> {
    return (spec, accept) => {
        const document = AstUtils.getDocument(spec);
        const own = factsOf(document)?.networks ?? [];
        const elsewhere = workspace.others(document).flatMap(facts => facts.networks);
        const taken = [...own, ...elsewhere].map(n => n.net);
        const suggest = (): string => {
            const suggestion = freeNetwork(taken);
            taken.push(parseCidr(suggestion)!);
            return suggestion;
        };
        own.forEach((network, index) => {
            const earlier = own.slice(0, index).find(e => networksOverlap(e.net, network.net));
            const other = earlier ? undefined : elsewhere.find(n => networksOverlap(n.net, network.net));
            if (earlier) {
                reportOverlap(network.owner, overlapped(earlier), suggest(), accept);
            } else if (other) {
                reportOverlap(network.owner, { ...overlapped(other), where: locationOf(document, other.node) }, suggest(), accept);
            }
        });
    };
}

const overlapped = (network: NetworkDeclaration): OverlappedServer => ({ name: network.owner.name, net: network.net });

/** The server a network overlaps: its name, network and, when it is in another file, where (`b.company:4`). */
interface OverlappedServer {
    readonly name: string;
    readonly net: Ipv4Network;
    readonly where?: string;
}

/** Servers without a name yet (half-typed) are skipped: the parser reports the missing name. */
function reportOverlap(server: Server, other: OverlappedServer, suggestion: string, accept: ValidationAcceptor): void {
    if (typeof server.name !== 'string' || typeof other.name !== 'string') {
        return;
    }
    const { declared, info } = networkAnchor(server);
    const extra = { replacement: suggestion, server: server.name };
    const where = other.where ? ` (${other.where})` : '';
    const message = declared
        ? `${declared.cidr} overlaps ${other.name}'s guest network ${formatCidr(other.net)}${where}: give each server its own network, e.g. network ${suggestion}.`
        : `${server.name} uses the default guest network ${DEFAULT_NETWORK}, which overlaps ${other.name}'s ${formatCidr(other.net)}${where}: `
            + `give it its own, e.g. network ${suggestion}.`;
    accept('error', message, coded(ServerCodes.NetworkOverlap, info, extra));
}

/** How a public address is named in messages. */
export const publicAddressKind = (node: PublicAddress | PublicIpv6): string => isPublicIpv6(node) ? 'public IPv6 address' : 'public address';

/** Two servers of one file with one public address. */
export function checkPublicAddressesAcrossServers(spec: Spec, accept: ValidationAcceptor): void {
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
