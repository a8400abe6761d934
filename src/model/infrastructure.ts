import type { RoleKind, ServiceKind } from '../language/generated/ast.js';
import type { PackageId, DaemonId } from './software.js';

/**
 * The Infrastructure model: plain, typed data resolved from a valid spec, with every default applied
 * and every decision taken (placement, addresses, DNs, uid numbers, port forwards, host names,
 * secrets). Templates only read it; nothing downstream decides anything. No AST nodes in here.
 */
export interface Infrastructure {
    readonly companies: readonly CompanyModel[];
    readonly servers: readonly ServerModel[];
}

// ------------------------------------------------------------------ companies

export interface CompanyModel {
    readonly name: string;
    /** The display name as written, or the name when none is written. */
    readonly displayName: string;
    readonly domain: string;
    readonly timezone: string;
    readonly locale: string;
    /** The server whose VMs run this company's primary roles. */
    readonly server: string;
    readonly directory: DirectoryModel;
    readonly users: readonly UserModel[];
    readonly groups: readonly GroupModel[];
    /** Every mail alias: `alias` lines and users' `aliases`, each expanded to final mailbox or outside addresses. */
    readonly aliases: readonly AliasModel[];
    readonly mail: MailPolicy;
    readonly services: ServicesModel;
    /** Every public host name of the company (www, webmail, cloud…, plus mail, mx, autoconfig, mta-sts), in a fixed order. */
    readonly publicNames: readonly PublicName[];
}

export interface DirectoryModel {
    /** e.g. `dc=acme,dc=example`: one `dc` per domain label. */
    readonly suffix: string;
    /** `cn=admin,<suffix>`: the rootdn. */
    readonly adminDn: string;
    readonly adminPassword: string;
    /** `{SSHA}…` of adminPassword, salted deterministically. */
    readonly adminPasswordHash: string;
    readonly usersDn: string;
    readonly groupsDn: string;
    readonly aliasesDn: string;
    readonly systemDn: string;
    readonly serviceAccounts: readonly ServiceAccount[];
}

/** What a service account may read: decides the slapd ACLs (see `directory.ts`). */
export type ServiceAccountPurpose = 'mail-lookup' | 'auth-bind' | 'user-search';

/** An LDAP bind account for one daemon, under ou=system. */
export interface ServiceAccount {
    /** e.g. `postfix`, `dovecot`, `nextcloud`, `gitea`, `prosody`, `roundcube`. */
    readonly name: string;
    readonly dn: string;
    readonly password: string;
    readonly passwordHash: string;
    readonly purpose: ServiceAccountPurpose;
    readonly description: string;
}

export interface UserModel {
    readonly name: string;
    readonly fullName: string;
    readonly givenName: string;
    readonly surname: string;
    /** `local@domain`. */
    readonly email: string;
    readonly dn: string;
    readonly uidNumber: number;
    /** The company's users group (every user's primary group). */
    readonly gidNumber: number;
    /** `/home/<name>` on hosts that give users a home; mail lives under the vmail tree, not here. */
    readonly homeDirectory: string;
    /** `{SSHA}…`: the spec's `password-hash`, else the hash of the generated initial password. */
    readonly passwordHash: string;
    /** True when the initial password was generated (the deploy guide says where to find it). */
    readonly generatedPassword: boolean;
    readonly admin: boolean;
    /** Mailbox quota in bytes, when the user has one. */
    readonly quotaBytes?: number;
    /** Names of the groups the user is in, directly or through `includes`, sorted. */
    readonly groups: readonly string[];
    /** The user's extra addresses from `aliases`, as full addresses. */
    readonly aliasAddresses: readonly string[];
}

export interface GroupModel {
    readonly name: string;
    readonly displayName: string;
    /** A groupOfNames entry (member DNs): what Nextcloud, Gitea and Prosody filter on. */
    readonly dn: string;
    /** `name@domain`: a group is also a mail list. */
    readonly email: string;
    /** User names of every member, direct or through included groups, sorted. */
    readonly members: readonly string[];
    /** Mailbox addresses of the members (the list's recipients), sorted. */
    readonly memberEmails: readonly string[];
}

export interface AliasModel {
    /** `local@domain`. */
    readonly address: string;
    readonly dn: string;
    /** Final addresses: users' mailboxes and outside addresses, expanded through groups and aliases, sorted, unique. */
    readonly recipients: readonly string[];
    /** Where it comes from: an `alias` line or a user's `aliases`. */
    readonly kind: 'alias' | 'user-alias';
}

export interface MailPolicy {
    readonly maxMessageSizeBytes: number;
    readonly spamThreshold: number;
    readonly dkimSelector: string;
    /** PEM (PKCS#8) private key from the secrets store. */
    readonly dkimPrivateKeyPem: string;
    /** `v=DKIM1; k=rsa; p=…` for the TXT record at `<selector>._domainkey`. */
    readonly dkimTxt: string;
    /** `postmaster@domain` or whoever the spec routes it to: where DMARC and TLS reports go. */
    readonly reportAddress: string;
}

export interface ServicesModel {
    readonly enabled: readonly ServiceKind[];
    readonly website?: { readonly hostname: string, readonly fqdn: string, readonly title: string };
    readonly webmail?: { readonly hostname: string, readonly fqdn: string, readonly productName: string };
    readonly cloud?: { readonly hostname: string, readonly fqdn: string, readonly quotaBytes: number };
    readonly git?: { readonly hostname: string, readonly fqdn: string, readonly registration: 'open' | 'closed', readonly sshPort: number };
    readonly meet?: { readonly hostname: string, readonly fqdn: string, readonly guests: boolean, readonly lobby: boolean };
}

/** A public DNS name of a company and what answers it behind the public address. */
export interface PublicName {
    readonly fqdn: string;
    /** The first label, or '@' for the bare domain. */
    readonly label: string;
    readonly purpose: 'website' | 'webmail' | 'cloud' | 'git' | 'meet' | 'mail' | 'mx' | 'autoconfig' | 'mta-sts' | 'apex';
    /** Served over HTTP(S) through the reverse proxy. */
    readonly web: boolean;
    /** The VM that serves it (host id `server.vm`), when one does. */
    readonly backend?: string;
}

// ------------------------------------------------------------------ servers

export interface ServerModel {
    readonly name: string;
    readonly os: { readonly name: 'netbsd' | 'edgebsd', readonly version: string };
    /** The domain the server's own names live under: its first hosted company's, else `<name>.invalid`. */
    readonly domain: string;
    readonly fqdn: string;
    readonly publicIpv4: string;
    readonly publicInterface: string;
    /** The server's public IPv6 address without its prefix length (see publicIpv6Prefix). */
    readonly publicIpv6?: string;
    readonly publicIpv6Prefix?: number;
    readonly network: GuestNetworkModel;
    /** pkgsrc binary package mirror base, e.g. `https://cdn.NetBSD.org/pub/pkgsrc/packages`. */
    readonly mirror: string;
    readonly companies: readonly string[];
    readonly vms: readonly VmModel[];
    readonly forwards: readonly ForwardModel[];
    readonly resources: { readonly memoryMiB?: number, readonly cpus?: number, readonly diskGiB?: number };
}

export interface GuestNetworkModel {
    readonly cidr: string;
    readonly network: string;
    readonly prefix: number;
    readonly netmask: string;
    readonly broadcast: string;
    /** The hypervisor's own address on the guest network (network + 1): every guest's default route. */
    readonly gateway: string;
    /** The bridge joining the taps, and the interface that carries the hypervisor's address on it. */
    readonly bridge: string;
    readonly hostInterface: string;
}

export interface VmModel {
    readonly name: string;
    /** `server.vm`: the host id in the manifest and the output folder. */
    readonly host: string;
    readonly server: string;
    readonly fqdn: string;
    readonly address: string;
    readonly memoryMiB: number;
    readonly cpus: number;
    readonly diskGiB: number;
    /** `tapN` on the hypervisor: N is the VM's index (tap numbering starts at 1; tap0 is unused). */
    readonly tap: string;
    /** Stable locally administered MAC derived from the address. */
    readonly mac: string;
    readonly roles: readonly RoleModel[];
    /** Packages to install, abstract ids (the platform profile names them), sorted, unique. */
    readonly packages: readonly PackageId[];
    /** Daemons to enable at boot, abstract ids, in start order. */
    readonly daemons: readonly DaemonId[];
}

export interface RoleModel {
    readonly role: RoleKind;
    /** For replicas, secondaries and extra videobridges: the source VM's host id (`server.vm`). */
    readonly from?: string;
    readonly relation?: 'from' | 'for';
    /** Companies this role serves (every hosted company for shared roles). */
    readonly companies: readonly string[];
}

export interface ForwardModel {
    readonly port: number;
    readonly protocol: 'tcp' | 'udp';
    readonly guestPort: number;
    readonly purpose: string;
    /** Undefined for the hypervisor's own sshd. */
    readonly vm?: string;
    readonly address?: string;
}
