/**
 * Platform values for DNS (ISC BIND 9.18): paths and the daemon's user. pkgsrc facts (net/bind918):
 * PKG_SYSCONFDIR `/usr/pkg/etc` (named.conf is not installed: we write it), rc.d/named9 with pidfile
 * `/var/run/named/named.pid`; without a chroot it adds no `-u`, so rc.conf gets `named_flags="-u named"`
 * (BIND_USER/BIND_GROUP default `named`).
 */
export interface DnsPlatform {
    readonly namedConf: string;
    /** `options { directory }`: relative zone file names resolve here; must be writable by the user (managed keys, journals). */
    readonly workingDir: string;
    /** Primary zone files (written by the generator, read-only for named). */
    readonly primaryZoneDir: string;
    /** Secondary zone copies (written by named itself after a transfer). */
    readonly secondaryZoneDir: string;
    readonly runDir: string;
    readonly pidFile: string;
    readonly sessionKeyFile: string;
    readonly user: string;
    readonly group: string;
    /** named's own rc.conf flags variable (the rcvar is `named9` but rc.subr uses `name`=named for flags). */
    readonly flagsVariable: string;
}

export const netbsdDns: DnsPlatform = {
    namedConf: '/usr/pkg/etc/named.conf',
    workingDir: '/var/named',
    primaryZoneDir: '/var/named/primary',
    secondaryZoneDir: '/var/named/secondary',
    runDir: '/var/run/named',
    pidFile: '/var/run/named/named.pid',
    sessionKeyFile: '/var/run/named/session.key',
    user: 'named',
    group: 'named',
    flagsVariable: 'named_flags'
};
