import type { AstNode, DiagnosticInfo } from 'langium';

/** Diagnostic codes of the server rules, each with a one-line description (the README lists them). */
export const ServerCodes = {
    InvalidIpv4: 'invalid-ipv4',
    InvalidCidr: 'invalid-cidr',
    CidrHostBits: 'cidr-host-bits',
    InvalidIpv6: 'invalid-ipv6',
    PublicAddressNotPublic: 'public-address-not-public',
    DuplicatePublicAddress: 'duplicate-public-address',
    MissingPublicAddress: 'missing-public-address',
    AddressOutsideNetwork: 'address-outside-network',
    AddressReserved: 'address-reserved',
    DuplicateAddress: 'duplicate-vm-address',
    NetworkOverlap: 'network-overlap',
    NetworkTooSmall: 'network-too-small',
    DuplicateSetting: 'duplicate-server-setting',
    DuplicateServer: 'duplicate-server',
    DuplicateVm: 'duplicate-vm',
    DuplicateRole: 'duplicate-role',
    PublicPortConflict: 'public-port-conflict',
    MissingRequiredRole: 'missing-required-role',
    RoleTakesNoSource: 'role-takes-no-source',
    WrongSourceKeyword: 'wrong-source-keyword',
    SourceNotPrimary: 'source-not-primary',
    ReplicatesItself: 'replicates-itself',
    VideobridgeWithoutMeet: 'videobridge-without-meet',
    CompanyNotHosted: 'company-not-hosted',
    CompanyHostedTwice: 'company-hosted-twice',
    SizeWithoutUnit: 'resource-size-without-unit',
    ZeroCpus: 'zero-cpus',
    VmMemoryBelowRoles: 'vm-memory-below-roles',
    ServerResourcesExceeded: 'server-resources-exceeded',
    VmCpusExceedServer: 'vm-cpus-exceed-server',
    OsVersionUnsupported: 'os-version-unsupported'
} as const;

export type ServerCode = typeof ServerCodes[keyof typeof ServerCodes];

export const SERVER_CODE_DESCRIPTIONS: Readonly<Record<ServerCode, string>> = {
    'invalid-ipv4': 'An IPv4 address with an octet above 255, a leading zero or the wrong shape.',
    'invalid-cidr': 'A guest network that is not `a.b.c.d/prefix` with a prefix of 0-32.',
    'cidr-host-bits': 'A guest network with host bits set (`10.0.0.1/24`); quick fix: use the network address.',
    'invalid-ipv6': 'A public IPv6 address (or prefix) that does not parse.',
    'public-address-not-public': 'Warning: the public address is private, loopback or otherwise not routable (documentation ranges are fine).',
    'duplicate-public-address': 'Two servers share one public address.',
    'missing-public-address': 'A server without `public`: every server needs its public IPv4 address.',
    'address-outside-network': 'A VM address outside the server\'s guest network.',
    'address-reserved': 'A VM uses the network, broadcast or hypervisor (first usable, .1) address.',
    'duplicate-vm-address': 'Two VMs of one server share an address.',
    'network-overlap': 'The guest networks of two servers overlap (they are routed to each other for replicas).',
    'network-too-small': 'The guest network has no free address left for every VM.',
    'duplicate-server-setting': 'A single-valued setting (`public`, `network`, `os`, `placement`, `memory`, …) given twice.',
    'duplicate-server': 'Two servers with one name.',
    'duplicate-vm': 'Two VMs with one name on a server.',
    'duplicate-role': 'Warning: a VM lists the same role twice; quick fix: remove the duplicate.',
    'public-port-conflict': 'Two roles on one server want the same public port (one public address forwards each port to one VM).',
    'missing-required-role': 'Under `placement explicit`, a role or a hosted company needs a role no VM runs; quick fix: add it to a VM.',
    'role-takes-no-source': 'A role that has no replicas or secondaries written with `from`/`for`.',
    'wrong-source-keyword': '`ldap`/`dns` take `from`, `videobridge` takes `for`; quick fix: swap the keyword.',
    'source-not-primary': 'The source VM does not run that role itself as a primary (not a replica of a replica).',
    'replicates-itself': 'A VM that replicates a role from itself.',
    'videobridge-without-meet': 'A videobridge without `for` on a server that has no Meet.',
    'company-not-hosted': 'With several servers, a company that no server `hosts`.',
    'company-hosted-twice': 'A company that more than one `hosts` line names.',
    'resource-size-without-unit': 'A memory or disk size without a unit; quick fix: add MB or GB.',
    'zero-cpus': 'A VM or server with `cpus 0`.',
    'vm-memory-below-roles': 'Warning: a VM has less memory than its roles need together.',
    'server-resources-exceeded': 'Warning: the server\'s memory or disk is smaller than its VMs need together.',
    'vm-cpus-exceed-server': 'Warning: a VM has more virtual CPUs than the server has CPUs.',
    'os-version-unsupported': 'A NetBSD release older than 9.0, which has no NVMM.'
};

/**
 * Attach a server code as `code` (shown, and dispatched on by the code action provider) and inside
 * `data` (kept by LSP for code actions), plus what the quick fix needs.
 */
export function serverCoded<N extends AstNode>(code: ServerCode, info: DiagnosticInfo<N>, extra: Record<string, unknown> = {}): DiagnosticInfo<N> {
    return { ...info, code, data: { code, ...extra } };
}
