import type { RoleKind, ServiceKind } from '../generated/ast.js';

/** A public port that the hypervisor forwards to the VM running a role. */
export interface PublicPort {
    readonly port: number;
    readonly protocol: 'tcp' | 'udp';
    readonly purpose: string;
    /**
     * Several claims of this port may share a server: the first takes `port`, each later one the
     * next free port above it (extra Jitsi videobridges: UDP 10001, 10002…). Without it, a second
     * claim on the same server is a conflict.
     */
    readonly nextFree?: true;
}

/** What CompanyKit knows about one role a VM can run. */
export interface RoleInfo {
    readonly role: RoleKind;
    readonly summary: string;
    /** The conventional VM that gets this role when no VM of the server declares it. */
    readonly conventionalVm: string;
    /** Memory below which the role is known to struggle, in MiB (a warning, not an error). */
    readonly minMemoryMiB: number;
    /** Roles that must run somewhere on the same server for this one to work. */
    readonly requires: readonly RoleKind[];
    /** Ports the public address forwards to the VM running the role; `semantics/port-forwards.ts` builds the table. */
    readonly publicPorts: readonly PublicPort[];
    /** What `from`/`for` means for this role, if it takes a source VM. */
    readonly sourceRelation?: { readonly keyword: 'from' | 'for', readonly meaning: string };
}

const tcp = (port: number, purpose: string): PublicPort => ({ port, protocol: 'tcp', purpose });
const udp = (port: number, purpose: string): PublicPort => ({ port, protocol: 'udp', purpose });

/** `10000/udp`, and `or the next free` for a port several claims may share (docs and hover). */
export const publicPortText = (port: PublicPort): string => `${port.port}/${port.protocol}${port.nextFree ? ' or the next free' : ''}`;

/** UDP port of the Jitsi videobridge media (JVB's default); the Meet's own bridge always has it. */
export const JITSI_MEDIA_PORT = 10000;

export const ROLES: readonly RoleInfo[] = [
    {
        role: 'ldap', summary: 'OpenLDAP directory: every account, group and mail alias; single sign-on for all services.',
        conventionalVm: 'auth', minMemoryMiB: 256, requires: [], publicPorts: [],
        sourceRelation: { keyword: 'from', meaning: 'a read-only replica (syncrepl consumer) of the LDAP server on that VM' }
    },
    {
        role: 'dns', summary: 'BIND authoritative DNS for the company zones (A, MX, SPF, DKIM, DMARC, SRV…).',
        conventionalVm: 'auth', minMemoryMiB: 256, requires: [], publicPorts: [tcp(53, 'DNS over TCP'), udp(53, 'DNS')],
        sourceRelation: { keyword: 'from', meaning: 'a secondary DNS server that transfers the zones from the primary on that VM' }
    },
    {
        role: 'mx', summary: 'Incoming mail: Postfix MX with SpamAssassin, relaying accepted mail to the mail VM.',
        conventionalVm: 'mx', minMemoryMiB: 512, requires: ['mail', 'dns'], publicPorts: [tcp(25, 'SMTP (incoming mail)')]
    },
    {
        role: 'mail', summary: 'Mailboxes: Postfix submission, Dovecot 2 IMAP and LMTP, OpenDKIM signing.',
        conventionalVm: 'mail', minMemoryMiB: 512, requires: ['ldap', 'mx', 'dns'],
        publicPorts: [tcp(587, 'mail submission'), tcp(993, 'IMAP over TLS')]
    },
    {
        role: 'webmail', summary: 'Roundcube webmail behind the reverse proxy.',
        conventionalVm: 'webmail', minMemoryMiB: 256, requires: ['mail', 'proxy', 'database'], publicPorts: []
    },
    {
        role: 'cloud', summary: 'Nextcloud: files, calendars (CalDAV) and contacts (CardDAV), accounts from LDAP.',
        conventionalVm: 'cloud', minMemoryMiB: 1024, requires: ['database', 'ldap', 'proxy'], publicPorts: []
    },
    {
        role: 'database', summary: 'MariaDB for Nextcloud, Gitea and Roundcube.',
        conventionalVm: 'cloud', minMemoryMiB: 512, requires: [], publicPorts: []
    },
    {
        role: 'git', summary: 'Gitea code hosting, accounts from LDAP.',
        conventionalVm: 'git', minMemoryMiB: 512, requires: ['database', 'ldap', 'proxy'], publicPorts: []
    },
    {
        role: 'meet', summary: 'Jitsi Meet: Prosody, Jicofo, the web client and a first videobridge.',
        conventionalVm: 'meet', minMemoryMiB: 2048, requires: ['ldap', 'proxy'], publicPorts: [udp(JITSI_MEDIA_PORT, 'Jitsi video (JVB media)')]
    },
    {
        role: 'videobridge',
        summary: 'An extra Jitsi videobridge that relays video for more rooms at once, on another VM of the Meet\'s server '
            + '(media on UDP 10001, 10002…) or on another server.',
        conventionalVm: 'meet', minMemoryMiB: 1024, requires: ['meet'],
        publicPorts: [{ ...udp(JITSI_MEDIA_PORT, 'Jitsi video (JVB media)'), nextFree: true }],
        sourceRelation: { keyword: 'for', meaning: 'an extra videobridge registered with the Jitsi Meet on that VM' }
    },
    {
        role: 'proxy', summary: 'Nginx reverse proxy: TLS and virtual hosts for every public web name.',
        conventionalVm: 'rproxy', minMemoryMiB: 256, requires: [], publicPorts: [tcp(80, 'HTTP'), tcp(443, 'HTTPS')]
    },
    {
        role: 'website', summary: 'The public website (static, served by nginx) behind the reverse proxy.',
        conventionalVm: 'www', minMemoryMiB: 128, requires: ['proxy'], publicPorts: []
    }
];

export const ROLE_NAMES: readonly RoleKind[] = ROLES.map(r => r.role);

/** The catalog entry of a role name, or undefined for a word that is not a role (hover, completion). */
export function findRole(role: string): RoleInfo | undefined {
    return ROLES.find(r => r.role === role);
}

/** The catalog entry of a role the grammar accepted; throws if the catalog lacks it. */
export function roleInfo(role: RoleKind): RoleInfo {
    const info = findRole(role);
    if (!info) {
        throw new Error(`unknown role ${role}`);
    }
    return info;
}

/** Roles every company needs whatever services it picks: accounts, DNS and mail. */
export const CORE_ROLES: readonly RoleKind[] = ['ldap', 'dns', 'mx', 'mail', 'proxy'];

/** The role that serves each company service. */
export const SERVICE_ROLE: Readonly<Record<ServiceKind, RoleKind>> = {
    website: 'website', webmail: 'webmail', cloud: 'cloud', git: 'git', meet: 'meet'
};

/** The conventional VM names, in the order their addresses are allocated. */
export const CONVENTIONAL_VMS: readonly string[] = ['auth', 'mx', 'mail', 'webmail', 'cloud', 'git', 'meet', 'rproxy', 'www'];
