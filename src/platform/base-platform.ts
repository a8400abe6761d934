import type { HostPaths } from './profile.js';
import type { DaemonId, PackageId } from '../model/software.js';

/** Paths and conventions every guest shares: where packages put things, how daemons are enabled. */
export interface BasePlatform {
    /** How packages are installed: pkgin (pkgsrc binary packages) or apt. */
    readonly packageManager: 'pkgin' | 'apt';
    /** How daemons are enabled and restarted: rc.conf + rc.d scripts, or systemd units. */
    readonly initSystem: 'rc.d' | 'systemd';
    /** The system's rc.conf (rc.d only: network, hostname, daemons enabled); undefined elsewhere. */
    readonly rcConf?: string;
    readonly hostsFile: string;
    readonly resolvConf: string;
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
    /** Software the platform's package manager lacks: where the admin gets it (provision.sh says so). */
    readonly unpackaged?: Readonly<Partial<Record<PackageId, string>>>;
    /**
     * Each daemon's service name: its rc.conf variable and rc.d script (`named9`, `php_fpm82`…) on
     * rc.d, its unit (`named`, `php8.2-fpm`…) on systemd.
     */
    readonly daemons: Readonly<Record<DaemonId, { readonly rcvar: string }>>;
    /** The group root's files belong to (`wheel` on NetBSD). */
    readonly rootGroup: string;
    /** Login shell of service users. */
    readonly nologinShell: string;
    /** Where rc.d scripts live (rc.d: a daemon is started with `<rcDir>/<rcvar> restart`). */
    readonly rcDir: string;
    /** Where packages leave their rc.d scripts (rc.d: copied to rcDir by provision.sh when missing). */
    readonly packageRcExamplesDir: string;
    /** pkgin's repository list (pkgin only). */
    readonly pkginRepositoriesConf?: string;
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
    /** The package's `mime.types` (a system file: never moved under --root). */
    readonly nginxMimeTypes: string;
    readonly nginxUser: string;
    readonly nginxGroup: string;
    readonly nginxPidFile: string;
    readonly nginxLogDir: string;
    /**
     * Parent of nginx's buffer directories (`body`, `proxy`, `fastcgi`, `uwsgi`, `scgi`), set in
     * nginx.conf so nginx (and `nginx -t`, which creates them) never uses its compiled-in paths.
     */
    readonly nginxTempDir: string;
    /** php-fpm's main file; pkgsrc's multi-version PHP puts it under etc/php/<major.minor>/. */
    readonly phpFpmConf: string;
    readonly phpFpmPoolDir: string;
    /** The user/group pools run as (pkgsrc's APACHE_USER). */
    readonly phpFpmUser: string;
    readonly phpFpmGroup: string;
    readonly phpFpmPidFile: string;
    readonly phpFpmLogFile: string;
}

export function netbsdBase(local: HostPaths): BasePlatform {
    return {
        packageManager: 'pkgin',
        initSystem: 'rc.d',
        rcConf: local('/etc/rc.conf'),
        hostsFile: local('/etc/hosts'),
        resolvConf: local('/etc/resolv.conf'),
        prefix: '/usr/pkg',
        sysconfdir: '/usr/pkg/etc',
        varbase: '/var',
        tlsDir: local('/etc/openssl/companykit'),
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
        rcDir: local('/etc/rc.d'),
        packageRcExamplesDir: '/usr/pkg/share/examples/rc.d',
        pkginRepositoriesConf: local('/usr/pkg/etc/pkgin/repositories.conf'),
        provisionDir: local('/root/companykit'),
        nginxConfDir: local('/usr/pkg/etc/nginx'),
        nginxMimeTypes: '/usr/pkg/etc/nginx/mime.types',
        nginxUser: 'nginx',
        nginxGroup: 'nginx',
        nginxPidFile: local('/var/run/nginx.pid'),
        nginxLogDir: local('/var/log/nginx'),
        // www/nginx's NGINX_DATADIR (nginx, 0700), where its compiled-in temp paths live too.
        nginxTempDir: local('/var/db/nginx'),
        // lang/php/phpversion.mk (2025): PKG_SYSCONFSUBDIR = php/<API version>; rc.d php_fpm82 reads php-fpm.conf there.
        phpFpmConf: local('/usr/pkg/etc/php/8.2/php-fpm.conf'),
        phpFpmPoolDir: local('/usr/pkg/etc/php/8.2/php-fpm.d'),
        phpFpmUser: 'www',
        phpFpmGroup: 'www',
        phpFpmPidFile: local('/var/run/php-fpm82.pid'),
        phpFpmLogFile: local('/var/log/php-fpm82.log')
    };
}

/**
 * Debian 12 (bookworm) guests: apt and systemd. Software Debian does not package is named in
 * `unpackaged` with where to get it; provision.sh stops with that message until it is installed.
 */
export function debianBase(local: HostPaths): BasePlatform {
    return {
        packageManager: 'apt',
        initSystem: 'systemd',
        hostsFile: local('/etc/hosts'),
        resolvConf: local('/etc/resolv.conf'),
        prefix: '/usr',
        sysconfdir: '/etc',
        varbase: '/var',
        tlsDir: local('/etc/ssl/companykit'),
        packages: {
            'base-tools': [], 'ca-certificates': ['ca-certificates'], openssl: ['openssl'],
            'openldap-server': ['slapd'], 'openldap-client': ['ldap-utils'],
            bind: ['bind9', 'bind9-utils'],
            postfix: ['postfix'], 'postfix-ldap': ['postfix-ldap'], spamassassin: ['spamassassin', 'spamd', 'spamc'],
            dovecot: ['dovecot-core', 'dovecot-imapd', 'dovecot-lmtpd'], 'dovecot-ldap': ['dovecot-ldap'], 'dovecot-sieve': ['dovecot-sieve'],
            opendkim: ['opendkim', 'opendkim-tools'],
            nginx: ['nginx'], 'php-fpm': ['php8.2-fpm'], 'php-ldap': ['php8.2-ldap'], 'php-mysql': ['php8.2-mysql'], 'php-intl': ['php8.2-intl'],
            'php-gd': ['php8.2-gd'], 'php-zip': ['php8.2-zip'], 'php-curl': ['php8.2-curl'], 'php-mbstring': ['php8.2-mbstring'],
            roundcube: ['roundcube-core', 'roundcube-mysql', 'roundcube-plugins'], nextcloud: [], 'mariadb-server': ['mariadb-server'], 'mariadb-client': ['mariadb-client'],
            gitea: [], git: ['git'],
            prosody: ['prosody'], 'lua-ldap': ['lua-ldap'], jicofo: [], 'jitsi-videobridge': [], 'jitsi-meet': [],
            'jitsi-meet-prosody': [], java: ['openjdk-17-jre-headless'],
            'acme-client': ['dehydrated']
        },
        unpackaged: {
            nextcloud: 'the server tarball from https://download.nextcloud.com/server/releases/ unpacked to /var/www/nextcloud',
            gitea: 'the binary from https://dl.gitea.com/gitea/ as /usr/local/bin/gitea',
            jicofo: 'Jitsi\'s apt repository (https://download.jitsi.org stable/): package jicofo',
            'jitsi-videobridge': 'Jitsi\'s apt repository (https://download.jitsi.org stable/): package jitsi-videobridge2',
            'jitsi-meet': 'Jitsi\'s apt repository (https://download.jitsi.org stable/): package jitsi-meet-web',
            'jitsi-meet-prosody': 'Jitsi\'s apt repository (https://download.jitsi.org stable/): package jitsi-meet-prosody'
        },
        daemons: {
            slapd: { rcvar: 'slapd' }, named: { rcvar: 'named' }, postfix: { rcvar: 'postfix' }, spamd: { rcvar: 'spamd' },
            dovecot: { rcvar: 'dovecot' }, opendkim: { rcvar: 'opendkim' }, nginx: { rcvar: 'nginx' }, 'php-fpm': { rcvar: 'php8.2-fpm' },
            mariadb: { rcvar: 'mariadb' }, gitea: { rcvar: 'gitea' }, prosody: { rcvar: 'prosody' }, jicofo: { rcvar: 'jicofo' },
            jvb: { rcvar: 'jitsi-videobridge2' }
        },
        rootGroup: 'root',
        nologinShell: '/usr/sbin/nologin',
        rcDir: local('/etc/init.d'),
        packageRcExamplesDir: '/etc/init.d',
        provisionDir: local('/root/companykit'),
        nginxConfDir: local('/etc/nginx'),
        nginxMimeTypes: '/etc/nginx/mime.types',
        nginxUser: 'www-data',
        nginxGroup: 'www-data',
        nginxPidFile: local('/run/nginx.pid'),
        nginxLogDir: local('/var/log/nginx'),
        // The package's own buffer directories (/var/lib/nginx/body…, www-data, 0700).
        nginxTempDir: local('/var/lib/nginx'),
        // php8.2-fpm's layout; its unit runs `php-fpm8.2 --fpm-config /etc/php/8.2/fpm/php-fpm.conf`.
        phpFpmConf: local('/etc/php/8.2/fpm/php-fpm.conf'),
        phpFpmPoolDir: local('/etc/php/8.2/fpm/pool.d'),
        phpFpmUser: 'www-data',
        phpFpmGroup: 'www-data',
        phpFpmPidFile: local('/run/php/php8.2-fpm.pid'),
        phpFpmLogFile: local('/var/log/php8.2-fpm.log')
    };
}
