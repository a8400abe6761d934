/**
 * One table of the language's keywords and what they mean. Hover, completion and the README's
 * language reference are all made from it (and from the role and service tables), so the three
 * never disagree. `test/catalog/keywords.test.ts` proves every grammar keyword has an entry.
 */
export interface KeywordDoc {
    readonly keyword: string;
    /** Where the keyword is written, for the reference: `company`, `user`, `server`, ... */
    readonly section: KeywordSection;
    /** How it is written. */
    readonly syntax: string;
    /** What it means and what happens when it is left out. */
    readonly summary: string;
}

export type KeywordSection = 'spec' | 'company' | 'user' | 'group' | 'mail' | 'server' | 'vm' | 'value';

export const KEYWORDS: readonly KeywordDoc[] = [
    // ---- top level
    { keyword: 'company', section: 'spec', syntax: 'company ID "Display Name" { ... }', summary: 'A company: its domain, people, groups, mail aliases and the services it uses. A spec may hold several.' },
    { keyword: 'server', section: 'spec', syntax: 'server ID { ... }', summary: 'A physical NetBSD NVMM hypervisor with one public address, a private guest network and guest VMs. A spec may hold several.' },

    // ---- company
    { keyword: 'domain', section: 'company', syntax: 'domain acme.example', summary: 'The company\'s DNS domain: mail addresses, host names and the LDAP suffix (`dc=acme,dc=example`) come from it. Required.' },
    { keyword: 'timezone', section: 'company', syntax: 'timezone Europe/Berlin', summary: 'IANA time zone used by the services (Nextcloud, Roundcube, the VMs\' clocks). Default `UTC`.' },
    { keyword: 'locale', section: 'company', syntax: 'locale en_US', summary: 'Language and region of the web services, as `ll` or `ll_CC`. Default `en_US`.' },
    { keyword: 'user', section: 'company', syntax: 'user ID "Full Name" { ... }', summary: 'A person with an LDAP account and a mailbox. The ID is the login name and, unless `email` says otherwise, the mail local part.' },
    { keyword: 'group', section: 'company', syntax: 'group ID "Description" { includes other }', summary: 'An LDAP group; its members are the users that list it in `groups`, plus the members of the groups it `includes`. A group is also a mail list at ID@domain.' },
    { keyword: 'alias', section: 'company', syntax: 'alias sales -> alice, staff, "partner@example.org"', summary: 'A mail alias: mail to sales@domain goes to the users, the members of the groups, the other aliases and the outside addresses listed.' },
    { keyword: 'mail', section: 'company', syntax: 'mail { max-message-size 20 MB  spam-threshold 5.0  dkim-selector mail }', summary: 'Mail settings of the company. Every setting has a default, so the block is optional.' },
    { keyword: 'services', section: 'company', syntax: 'services website, webmail, cloud, git, meet', summary: 'The services the company uses besides accounts, DNS and mail (which every company gets). Default: none.' },
    { keyword: 'website', section: 'company', syntax: 'website { hostname www }', summary: 'The public website. In `services` it turns the website on; as a block it holds its settings.' },
    { keyword: 'webmail', section: 'company', syntax: 'webmail { product-name "ACME Mail" }', summary: 'Roundcube webmail. In `services` it turns webmail on; as a block it holds its settings.' },
    { keyword: 'cloud', section: 'company', syntax: 'cloud { quota 10 GB }', summary: 'Nextcloud groupware. In `services` it turns the cloud on; as a block it holds its settings.' },
    { keyword: 'git', section: 'company', syntax: 'git { registration closed }', summary: 'Gitea code hosting. In `services` it turns Gitea on; as a block it holds its settings.' },
    { keyword: 'meet', section: 'company', syntax: 'meet { lobby on }', summary: 'Jitsi Meet video conferencing. In `services` it turns Meet on; as a block it holds its settings.' },

    // ---- user
    { keyword: 'email', section: 'user', syntax: 'email alice.liddell', summary: 'The local part of the user\'s address (before the @). Default: the user ID.' },
    { keyword: 'groups', section: 'user', syntax: 'groups admins, staff', summary: 'The groups of the same company the user belongs to.' },
    { keyword: 'aliases', section: 'user', syntax: 'aliases postmaster, abuse', summary: 'Extra local parts that deliver to this user\'s mailbox.' },
    { keyword: 'admin', section: 'user', syntax: 'admin', summary: 'The user administers the company\'s services (Nextcloud, Gitea and Jitsi admin rights, LDAP write access to the company tree).' },
    { keyword: 'quota', section: 'user', syntax: 'quota 5 GB', summary: 'The user\'s mailbox and cloud storage quota. Default: the cloud service\'s `quota`, else 10 GB.' },
    { keyword: 'password-hash', section: 'user', syntax: 'password-hash "{SSHA}…"', summary: 'Initial password as an LDAP hash (`slappasswd` prints one). Without it a random initial password is generated and kept in the secrets file. A clear password never belongs in a spec.' },
    { keyword: 'password', section: 'user', syntax: '(not allowed)', summary: 'Clear passwords are refused: write `password-hash` with a hash from `slappasswd`, or leave it out and get a generated one.' },

    // ---- group
    { keyword: 'includes', section: 'group', syntax: 'includes admins, developers', summary: 'Groups whose members also belong to this group. Cycles are refused.' },

    // ---- mail
    { keyword: 'max-message-size', section: 'mail', syntax: 'max-message-size 20 MB', summary: 'Largest message accepted or sent, as a size. Default 20 MB.' },
    { keyword: 'spam-threshold', section: 'mail', syntax: 'spam-threshold 5.0', summary: 'SpamAssassin score from which a message is marked as spam. Default 5.0.' },
    { keyword: 'dkim-selector', section: 'mail', syntax: 'dkim-selector mail2026', summary: 'DKIM selector published at <selector>._domainkey.<domain>. Default `mail`; change it to rotate the key.' },

    // ---- server
    { keyword: 'os', section: 'server', syntax: 'os netbsd 10.1', summary: 'Operating system of the hypervisor and its guests. Default `netbsd 10.1`.' },
    { keyword: 'netbsd', section: 'server', syntax: 'os netbsd 10.1', summary: 'NetBSD with NVMM and pkgsrc binary packages (the default).' },
    { keyword: 'edgebsd', section: 'server', syntax: 'os edgebsd 10.1', summary: 'EdgeBSD, a NetBSD derivative, with its own package mirror.' },
    { keyword: 'public', section: 'server', syntax: 'public 203.0.113.10 on wm0', summary: 'The server\'s one public IPv4 address and the interface that carries it. Every public service is forwarded from it. Required.' },
    { keyword: 'on', section: 'server', syntax: 'public 203.0.113.10 on wm0', summary: 'The network interface of the public address (default `wm0`). As a setting value, `on` turns a flag on.' },
    { keyword: 'off', section: 'value', syntax: 'lobby off', summary: 'Turns a flag setting off.' },
    { keyword: 'ipv6', section: 'server', syntax: 'ipv6 2001:db8::10/64', summary: 'Optional public IPv6 address (with prefix length) of the server.' },
    { keyword: 'network', section: 'server', syntax: 'network 10.0.0.0/24', summary: 'The private guest network behind NAT. The hypervisor takes its first address (.1); the conventional VMs have fixed addresses from .10 (auth .10, mx .11, mail .12, webmail .13, cloud .14, git .15, meet .16, rproxy .17, www .18) and other VMs get the next free one from .20. Default 10.0.0.0/24.' },
    { keyword: 'mirror', section: 'server', syntax: 'mirror "https://cdn.NetBSD.org/pub/pkgsrc/packages"', summary: 'pkgsrc binary package mirror for pkgin. Default: the NetBSD CDN.' },
    { keyword: 'resources', section: 'server', syntax: 'resources { memory 64 GB  cpus 16  disk 2 TB }', summary: 'What the physical server has, so CompanyKit can warn when its VMs ask for more.' },
    { keyword: 'hosts', section: 'server', syntax: 'hosts acme, globex', summary: 'The companies this server hosts. While the whole workspace (every .company file) has one server and no `hosts` line, it may be left out: that server then hosts every company.' },
    { keyword: 'placement', section: 'server', syntax: 'placement explicit', summary: '`conventional` (default): roles no VM declares get their conventional VM (auth, mx, mail, webmail, cloud, git, meet, rproxy, www). `explicit`: only the VMs written here exist, and every needed role must be on one.' },
    { keyword: 'conventional', section: 'server', syntax: 'placement conventional', summary: 'Roles that no VM declares get their conventional VM and address.' },
    { keyword: 'explicit', section: 'server', syntax: 'placement explicit', summary: 'Only the VMs written in the spec exist; a needed role that no VM runs is an error.' },
    { keyword: 'vm', section: 'server', syntax: 'vm auth { memory 512 MB  disk 10 GB  runs ldap, dns }', summary: 'A guest VM under NVMM. Everything left out gets a default from its roles.' },

    // ---- vm
    { keyword: 'memory', section: 'vm', syntax: 'memory 512 MB', summary: 'Memory of the VM (or, in `resources`, of the server). Default: enough for its roles.' },
    { keyword: 'cpus', section: 'vm', syntax: 'cpus 2', summary: 'Virtual CPUs of the VM (or, in `resources`, cores of the server). Default 1.' },
    { keyword: 'disk', section: 'vm', syntax: 'disk 20 GB', summary: 'Size of the VM\'s disk image (or, in `resources`, the server\'s storage). Default 10 GB.' },
    { keyword: 'address', section: 'vm', syntax: 'address 10.0.0.10', summary: 'The VM\'s address on the guest network. Default: a conventional VM\'s fixed address (auth .10 … www .18), otherwise the next free address from .20; adding VMs never moves the others.' },
    { keyword: 'runs', section: 'vm', syntax: 'runs ldap, dns from hv1.auth, videobridge for hv1.meet', summary: 'The roles this VM runs. `ROLE from VM` makes an LDAP replica or a DNS secondary of that VM; `videobridge for VM` an extra bridge for that Meet.' },
    { keyword: 'from', section: 'vm', syntax: 'ldap from hv1.auth', summary: 'Replicate the role from the VM named: an LDAP replica (syncrepl) or a DNS secondary (zone transfers).' },
    { keyword: 'for', section: 'vm', syntax: 'videobridge for hv1.meet', summary: 'Serve the Jitsi Meet on the VM named, as an extra videobridge; the VM may be on this server or another.' },

    // ---- roles (their meaning is in the role table)
    { keyword: 'ldap', section: 'vm', syntax: 'runs ldap', summary: 'Role: the OpenLDAP directory.' },
    { keyword: 'dns', section: 'vm', syntax: 'runs dns', summary: 'Role: BIND authoritative DNS.' },
    { keyword: 'mx', section: 'vm', syntax: 'runs mx', summary: 'Role: the incoming mail exchanger with SpamAssassin.' },
    { keyword: 'database', section: 'vm', syntax: 'runs database', summary: 'Role: MariaDB.' },
    { keyword: 'videobridge', section: 'vm', syntax: 'runs videobridge for meet', summary: 'Role: an extra Jitsi videobridge, beside the Meet or on another server; each takes the next free UDP media port of its server (10001, 10002… beside the Meet\'s own 10000).' },
    { keyword: 'proxy', section: 'vm', syntax: 'runs proxy', summary: 'Role: the Nginx reverse proxy for every public web name.' },

    // ---- values
    { keyword: 'KB', section: 'value', syntax: '512 KB', summary: 'Kibibytes (1024 bytes).' },
    { keyword: 'MB', section: 'value', syntax: '512 MB', summary: 'Mebibytes (1024 KB).' },
    { keyword: 'GB', section: 'value', syntax: '20 GB', summary: 'Gibibytes (1024 MB).' },
    { keyword: 'TB', section: 'value', syntax: '2 TB', summary: 'Tebibytes (1024 GB).' }
];

const byKeyword = new Map(KEYWORDS.map(k => [k.keyword, k]));

export function keywordDoc(keyword: string): KeywordDoc | undefined {
    return byKeyword.get(keyword);
}

/** Size units and their factor in bytes. */
export const SIZE_UNITS: Readonly<Record<string, number>> = {
    KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4
};
