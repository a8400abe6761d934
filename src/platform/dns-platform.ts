import type { HostPaths } from './profile.js';
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

export function netbsdDns(local: HostPaths): DnsPlatform {
    return {
        namedConf: local('/usr/pkg/etc/named.conf'),
        workingDir: local('/var/named'),
        primaryZoneDir: local('/var/named/primary'),
        secondaryZoneDir: local('/var/named/secondary'),
        runDir: local('/var/run/named'),
        pidFile: local('/var/run/named/named.pid'),
        sessionKeyFile: local('/var/run/named/session.key'),
        user: 'named',
        group: 'named',
        flagsVariable: 'named_flags'
    };
}

/** Debian 12's bind9 package (runs as bind; /etc/default/named already passes `-u bind`). */
export function debianDns(local: HostPaths): DnsPlatform {
    return {
        namedConf: local('/etc/bind/named.conf'),
        workingDir: local('/var/cache/bind'),
        primaryZoneDir: local('/etc/bind/companykit'),
        secondaryZoneDir: local('/var/lib/bind/secondary'),
        runDir: local('/run/named'),
        pidFile: local('/run/named/named.pid'),
        sessionKeyFile: local('/run/named/session.key'),
        user: 'bind',
        group: 'bind',
        flagsVariable: 'OPTIONS'
    };
}
