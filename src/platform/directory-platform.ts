import type { HostPaths } from './profile.js';
/**
 * Platform values for the directory (OpenLDAP slapd): paths, module names, the daemon's user.
 * pkgsrc facts (databases/openldap-server, openldap/Makefile.common): OPENLDAP_ETCDIR
 * `/usr/pkg/etc/openldap`, modules in `/usr/pkg/lib/openldap`, OPENLDAP_VARDIR `/var/openldap`
 * (VARBASE=/var on NetBSD) with `run/` (root:ldap 0775) and data directories owned by SLAPD_USER
 * `slapd`, group LDAP_GROUP `ldap`; rc.d/slapd runs `/usr/pkg/libexec/slapd -u slapd`.
 */
export interface DirectoryPlatform {
    /** slapd's configuration directory (slapd.conf lives here). */
    readonly configDir: string;
    readonly slapdConf: string;
    /** Where the `<name>.schema` files are. */
    readonly schemaDir: string;
    /** `modulepath`; empty when the backends are built in (then no `moduleload` is written). */
    readonly modulePath: string;
    /** Module names for `moduleload` (file name without extension: slapd adds the right one). */
    readonly modules: { readonly mdb: string, readonly syncprov: string };
    /** One directory per company database lives under here: `<dataDir>/<company>`. */
    readonly dataDir: string;
    /** pidfile and argsfile go here (writable by the slapd user). */
    readonly runDir: string;
    /** Where the generated LDIF files go (`<ldifDir>/<company>.ldif`, read by slapadd as root). */
    readonly ldifDir: string;
    readonly user: string;
    readonly group: string;
    /** slapadd, to load the LDIF before slapd starts the first time. */
    readonly slapadd: string;
    /** slapcat, to tell whether a database already holds its base entry. */
    readonly slapcat: string;
    /** The mdb `maxsize` of each database, in bytes (a ceiling, not an allocation). */
    readonly mdbMaxSize: number;
    /**
     * Debian's /etc/default/slapd, read by its init script: written so slapd runs from slapd.conf.
     * Without it, the /etc/ldap/slapd.d (cn=config) that the package's postinst creates wins and
     * slapd.conf is ignored. Absent on NetBSD, where rc.d/slapd reads slapd.conf anyway.
     */
    readonly initDefaults?: string;
}

export function netbsdDirectory(local: HostPaths): DirectoryPlatform {
    return {
        configDir: local('/usr/pkg/etc/openldap'),
        slapdConf: local('/usr/pkg/etc/openldap/slapd.conf'),
        schemaDir: '/usr/pkg/etc/openldap/schema',
        modulePath: '/usr/pkg/lib/openldap',
        modules: { mdb: 'back_mdb', syncprov: 'syncprov' },
        dataDir: local('/var/openldap/openldap-data'),
        runDir: local('/var/openldap/run'),
        ldifDir: local('/usr/pkg/etc/openldap/companykit'),
        user: 'slapd',
        group: 'ldap',
        slapadd: '/usr/pkg/sbin/slapadd',
        slapcat: '/usr/pkg/sbin/slapcat',
        mdbMaxSize: 1073741824
    };
}

/**
 * Debian 12's slapd 2.5 (checked with `dpkg -L slapd`, `getent passwd openldap`): schemas in
 * /etc/ldap/schema, modules in /usr/lib/ldap, the database home /var/lib/ldap (openldap:openldap),
 * user and group `openldap` (/etc/default/slapd). /etc/init.d/slapd (wrapped by systemd) creates
 * /var/run/slapd for the pidfile, and the default `ldapi:///` socket lives there too.
 */
export function debianDirectory(local: HostPaths): DirectoryPlatform {
    return {
        configDir: local('/etc/ldap'),
        slapdConf: local('/etc/ldap/slapd.conf'),
        schemaDir: '/etc/ldap/schema',
        modulePath: '/usr/lib/ldap',
        modules: { mdb: 'back_mdb', syncprov: 'syncprov' },
        dataDir: local('/var/lib/ldap'),
        runDir: local('/var/run/slapd'),
        ldifDir: local('/etc/ldap/companykit'),
        user: 'openldap',
        group: 'openldap',
        slapadd: '/usr/sbin/slapadd',
        slapcat: '/usr/sbin/slapcat',
        mdbMaxSize: 1073741824,
        initDefaults: local('/etc/default/slapd')
    };
}
