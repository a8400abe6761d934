import ipaddr from 'ipaddr.js';

/**
 * Pure IPv4 helpers shared by validation and the model stage. Syntax is checked here (not by
 * ipaddr.js alone) because ipaddr.js reads `010` as octal 8, which is never what a sysadmin meant.
 */

/** A guest network: its network address (host bits cleared) and prefix length. */
export interface Ipv4Network {
    readonly network: number;
    readonly prefix: number;
}

/** Why an IPv4 address text is invalid, or undefined when it is a plain dotted quad. */
export function ipv4SyntaxProblem(text: string): string | undefined {
    const octets = text.split('.');
    if (octets.length !== 4 || octets.some(o => !/^\d+$/.test(o))) {
        return `${text} is not an IPv4 address: write four numbers 0-255 separated by dots, e.g. 10.0.0.10`;
    }
    const leadingZero = octets.find(o => o.length > 1 && o.startsWith('0'));
    if (leadingZero !== undefined) {
        return `${text} has an octet with a leading zero (${leadingZero}), which some tools read as octal: write ${withoutLeadingZeros(text)}`;
    }
    const tooBig = octets.find(o => Number(o) > 255);
    if (tooBig !== undefined) {
        return `${text} is not an IPv4 address: the octet ${tooBig} is above 255`;
    }
    return undefined;
}

/** The same address with leading zeros dropped from each octet (`010.000.0.1` → `10.0.0.1`). */
export function withoutLeadingZeros(text: string): string {
    return text.split('.').map(o => /^\d+$/.test(o) ? String(Number(o)) : o).join('.');
}

/** The address as a 32-bit unsigned number, or undefined if its syntax is invalid. */
export function parseIpv4(text: string | undefined): number | undefined {
    if (typeof text !== 'string' || ipv4SyntaxProblem(text)) {
        return undefined;
    }
    return text.split('.').reduce((n, o) => n * 256 + Number(o), 0);
}

export function formatIpv4(n: number): string {
    return [24, 16, 8, 0].map(shift => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** Why a CIDR text is invalid (bad address or prefix); host bits are reported by `cidrHostBitsFix`. */
export function cidrSyntaxProblem(text: string): string | undefined {
    const [address, prefixText] = text.split('/');
    const addressProblem = ipv4SyntaxProblem(address);
    if (addressProblem) {
        return addressProblem;
    }
    if (prefixText === undefined || !/^\d+$/.test(prefixText) || Number(prefixText) > 32) {
        return `${text} has an invalid prefix length: write a number from 0 to 32 after the slash, e.g. ${address}/24`;
    }
    return undefined;
}

/** Parse a syntactically valid CIDR; the host bits are cleared. */
export function parseCidr(text: string | undefined): Ipv4Network | undefined {
    if (typeof text !== 'string' || cidrSyntaxProblem(text)) {
        return undefined;
    }
    const [address, prefixText] = text.split('/');
    const prefix = Number(prefixText);
    return { network: clearHostBits(parseIpv4(address)!, prefix), prefix };
}

/** The corrected CIDR when host bits are set (`10.0.0.1/24` → `10.0.0.0/24`), else undefined. */
export function cidrHostBitsFix(text: string): string | undefined {
    const net = parseCidr(text);
    if (!net) {
        return undefined;
    }
    const address = parseIpv4(text.split('/')[0])!;
    return address === net.network ? undefined : formatCidr(net);
}

export function formatCidr(net: Ipv4Network): string {
    return `${formatIpv4(net.network)}/${net.prefix}`;
}

function clearHostBits(address: number, prefix: number): number {
    const size = 2 ** (32 - prefix);
    return address - (address % size);
}

export function networkSize(net: Ipv4Network): number {
    return 2 ** (32 - net.prefix);
}

export function broadcastAddress(net: Ipv4Network): number {
    return net.network + networkSize(net) - 1;
}

/** The hypervisor's own address on the guest network: the first usable one (`.1`). */
export function hypervisorAddress(net: Ipv4Network): number {
    return net.network + 1;
}

export function networkContains(net: Ipv4Network, address: number): boolean {
    return address >= net.network && address <= broadcastAddress(net);
}

export function networksOverlap(a: Ipv4Network, b: Ipv4Network): boolean {
    return networkContains(a, b.network) || networkContains(b, a.network);
}

/** The special-purpose ranges (RFC 5737) meant for documentation: fine as a public address in examples. */
const DOCUMENTATION_RANGES: readonly Ipv4Network[] = ['192.0.2.0/24', '198.51.100.0/24', '203.0.113.0/24'].map(c => parseCidr(c)!);

/**
 * What kind of non-public address this is (`private`, `loopback`, …), or undefined when the address
 * is public unicast or in a documentation range.
 */
export function nonPublicRange(text: string): string | undefined {
    const address = parseIpv4(text);
    if (address === undefined || DOCUMENTATION_RANGES.some(net => networkContains(net, address))) {
        return undefined;
    }
    const range = ipaddr.IPv4.parse(text).range();
    return range === 'unicast' ? undefined : range;
}

/** Why an IPv6 address (optionally with a /prefix) is invalid, or undefined. */
export function ipv6SyntaxProblem(text: string): string | undefined {
    const [address, prefixText, ...rest] = text.split('/');
    if (rest.length > 0 || !ipaddr.IPv6.isValid(address)) {
        return `${text} is not an IPv6 address: write it like 2001:db8::1 or 2001:db8::1/64`;
    }
    if (prefixText !== undefined && (!/^\d+$/.test(prefixText) || Number(prefixText) > 128)) {
        return `${text} has an invalid prefix length: write a number from 0 to 128 after the slash, e.g. ${address}/64`;
    }
    return undefined;
}

/** The address of a valid IPv6 text without its /prefix, in one normal form (`2001:DB8:0::1` → `2001:db8::1`), or undefined. */
export function normalizedIpv6(text: string | undefined): string | undefined {
    if (typeof text !== 'string' || ipv6SyntaxProblem(text)) {
        return undefined;
    }
    return ipaddr.IPv6.parse(text.split('/')[0]).toString();
}
