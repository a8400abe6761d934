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
        roundcube: ['php82-roundcube'], nextcloud: ['php82-nextcloud'], 'mariadb-server': ['mariadb-server'], 'mariadb-client': ['mariadb-client'],
        gitea: ['gitea'], git: ['git-base'],
        prosody: ['prosody'], 'lua-ldap': ['lua54-ldap'], jicofo: ['jicofo'], 'jitsi-videobridge': ['jitsi-videobridge'], 'jitsi-meet': ['jitsi-meet'],
        'jitsi-meet-prosody': ['jitsi-meet-prosody'], java: ['openjdk17'],
        'acme-client': ['dehydrated']
    },
    daemons: {
        slapd: { rcvar: 'slapd' }, named: { rcvar: 'named9' }, postfix: { rcvar: 'postfix' }, spamd: { rcvar: 'spamd' },
        dovecot: { rcvar: 'dovecot' }, opendkim: { rcvar: 'opendkim' }, nginx: { rcvar: 'nginx' }, 'php-fpm': { rcvar: 'php_fpm82' },
        mariadb: { rcvar: 'mariadb' }, gitea: { rcvar: 'gitea' }, prosody: { rcvar: 'prosody' }, jicofo: { rcvar: 'jicofo' }, jvb: { rcvar: 'jvb' }
    }
};
