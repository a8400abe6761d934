import type { DaemonId, PackageId } from '../model/software.js';

/** Paths and conventions every guest shares: where packages put things, how daemons are enabled. */
export interface BasePlatform {
    /** Package prefix, e.g. `/usr/pkg`. */
    readonly prefix: string;
    /** Where packages read their configuration, e.g. `/usr/pkg/etc`. */
    readonly sysconfdir: string;
    /** Variable state, e.g. `/var` (pkgsrc's VARBASE on NetBSD). */
    readonly varbase: string;
    /**
     * Where every daemon's certificate and key live: `<tlsDir>/<fqdn>.crt` and `.key`. provision.sh
     * creates a self-signed pair when none exists, so daemons start before ACME runs.
     */
    readonly tlsDir: string;
    /** Package names per abstract id (an id may need several packages, or none on a platform). */
    readonly packages: Readonly<Record<PackageId, readonly string[]>>;
    /** How each daemon is enabled: its rc.conf variable (`named9`, `php_fpm82`…). */
    readonly daemons: Readonly<Record<DaemonId, { readonly rcvar: string }>>;
    /** The group root's files belong to (`wheel` on NetBSD). */
    readonly rootGroup: string;
    /** Login shell of service users. */
    readonly nologinShell: string;
    /** Where rc.d scripts live; a daemon is started with `<rcDir>/<rcvar> restart`. */
    readonly rcDir: string;
    /** Where packages leave their rc.d scripts (copied to rcDir by provision.sh when missing). */
    readonly packageRcExamplesDir: string;
    /** pkgin's repository list. */
    readonly pkginRepositoriesConf: string;
    /** Where each host's provision.sh (and the hypervisor's other scripts) live. */
    readonly provisionDir: string;
    /*
     * Shared daemon main configs, written by the GUEST BASE on every VM running the daemon. Roles only
     * add their own pieces, so two web roles on one VM never collide:
     *   nginx:   `<nginxConfDir>/sites/<role>.conf` (server blocks; nginx.conf includes sites/*.conf;
     *            `$connection_upgrade` is mapped there for websockets)
     *   php-fpm: `<phpFpmPoolDir>/<role>.conf` (one [pool] each; php-fpm.conf includes them)
     */
    readonly nginxConfDir: string;
    readonly nginxUser: string;
    readonly nginxGroup: string;
    readonly nginxPidFile: string;
    readonly nginxLogDir: string;
    /** php-fpm's main file; pkgsrc's multi-version PHP puts it under etc/php/<major.minor>/. */
    readonly phpFpmConf: string;
    readonly phpFpmPoolDir: string;
    /** The user/group pools run as (pkgsrc's APACHE_USER). */
    readonly phpFpmUser: string;
    readonly phpFpmGroup: string;
    readonly phpFpmPidFile: string;
    readonly phpFpmLogFile: string;
}

export const netbsdBase: BasePlatform = {
    prefix: '/usr/pkg',
    sysconfdir: '/usr/pkg/etc',
    varbase: '/var',
    tlsDir: '/etc/openssl/companykit',
    packages: {
        'base-tools': ['pkgin'], 'ca-certificates': ['mozilla-rootcerts'], openssl: [],
        'openldap-server': ['openldap-server'], 'openldap-client': ['openldap-client'],
        bind: ['bind918'],
        postfix: ['postfix'], 'postfix-ldap': ['postfix-ldap'], spamassassin: ['spamassassin'],
        dovecot: ['dovecot'], 'dovecot-ldap': ['dovecot-ldap'], 'dovecot-sieve': ['dovecot-pigeonhole'], opendkim: ['opendkim'],
        nginx: ['nginx'], 'php-fpm': ['php82-fpm'], 'php-ldap': ['php82-ldap'], 'php-mysql': ['php82-pdo_mysql'], 'php-intl': ['php82-intl'],
        'php-gd': ['php82-gd'], 'php-zip': ['php82-zip'], 'php-curl': ['php82-curl'], 'php-mbstring': ['php82-mbstring'],
        roundcube: ['php82-roundcube', 'php82-roundcube-plugin-archive', 'php82-roundcube-plugin-zipdownload'], nextcloud: ['php82-nextcloud'], 'mariadb-server': ['mariadb-server'], 'mariadb-client': ['mariadb-client'],
        gitea: ['gitea'], git: ['git-base'],
        prosody: ['prosody'], 'lua-ldap': ['lua54-ldap'], jicofo: ['jicofo'], 'jitsi-videobridge': ['jitsi-videobridge'], 'jitsi-meet': ['jitsi-meet'],
        'jitsi-meet-prosody': ['jitsi-meet-prosody'], java: ['openjdk17'],
        'acme-client': ['dehydrated']
    },
    daemons: {
        slapd: { rcvar: 'slapd' }, named: { rcvar: 'named9' }, postfix: { rcvar: 'postfix' }, spamd: { rcvar: 'spamd' },
        dovecot: { rcvar: 'dovecot' }, opendkim: { rcvar: 'opendkim' }, nginx: { rcvar: 'nginx' }, 'php-fpm': { rcvar: 'php_fpm82' },
        mariadb: { rcvar: 'mariadb' }, gitea: { rcvar: 'gitea' }, prosody: { rcvar: 'prosody' }, jicofo: { rcvar: 'jicofo' }, jvb: { rcvar: 'jvb' }
    },
    rootGroup: 'wheel',
    nologinShell: '/sbin/nologin',
    rcDir: '/etc/rc.d',
    packageRcExamplesDir: '/usr/pkg/share/examples/rc.d',
    pkginRepositoriesConf: '/usr/pkg/etc/pkgin/repositories.conf',
    provisionDir: '/root/companykit',
    nginxConfDir: '/usr/pkg/etc/nginx',
    nginxUser: 'nginx',
    nginxGroup: 'nginx',
    nginxPidFile: '/var/run/nginx.pid',
    nginxLogDir: '/var/log/nginx',
    // lang/php/phpversion.mk (2025): PKG_SYSCONFSUBDIR = php/<API version>; rc.d php_fpm82 reads php-fpm.conf there.
    phpFpmConf: '/usr/pkg/etc/php/8.2/php-fpm.conf',
    phpFpmPoolDir: '/usr/pkg/etc/php/8.2/php-fpm.d',
    phpFpmUser: 'www',
    phpFpmGroup: 'www',
    phpFpmPidFile: '/var/run/php-fpm82.pid',
    phpFpmLogFile: '/var/log/php-fpm82.log'
};
