import type { HostPaths } from './profile.js';
/**
 * Platform values for Jitsi Meet: Prosody, jicofo, jitsi-videobridge (JVB) and the web UI. Sources:
 * pkgsrc chat/prosody (PROSODY_DATA/LOG/RUN under VARBASE, PKG_SYSCONFSUBDIR prosody), chat/jicofo and
 * chat/jitsi-videobridge (PKG_SYSCONFSUBDIR jitsi/jicofo and jitsi/videobridge, launchers bin/jicofo and
 * bin/jvb, no rc.d script), chat/jitsi-meet-prosody (plugins in share/jitsi-meet-prosody) and
 * wip/jitsi-meet (web root share/jitsi-meet, PKG_SYSCONFSUBDIR jitsi/meet).
 */
export interface MeetPlatform {
    readonly prosody: ProsodyPlatform;
    readonly jicofo: JavaDaemonPlatform;
    readonly jvb: JavaDaemonPlatform;
    readonly web: JitsiWebPlatform;
    /** Where the Java daemons write their stdout/stderr logs (one file per daemon). */
    readonly logDir: string;
    /** `owner:group` and mode provision.sh gives logDir: the daemons' users must create their logs there. */
    readonly logDirOwner: string;
    readonly logDirMode: string;
}

export interface ProsodyPlatform {
    readonly configFile: string;
    readonly dataDir: string;
    readonly logDir: string;
    /** Run directory owned by prosody: its pidfile goes here (prosodyctl reads `pidfile` from the config). */
    readonly runDir: string;
    readonly user: string;
    readonly group: string;
    readonly ctl: string;
    /** jitsi-meet-prosody's modules (client_proxy, muc_lobby_rooms, roster_command…). */
    readonly jitsiPluginDir: string;
    /** Where provision.sh puts community modules it fetches (mod_auth_ldap), on plugin_paths. */
    readonly communityPluginDir: string;
    /** Fetch tool of the base system: `<fetch> <file> <url>` downloads over HTTPS. */
    readonly fetchCommand: string;
}

export interface JavaDaemonPlatform {
    readonly configDir: string;
    readonly configFile: string;
    /** `logging.properties` installed by the package (java.util.logging). */
    readonly loggingProperties: string;
    /** The package's launcher (a bash script ending in `exec java …`). */
    readonly launcher: string;
    readonly user: string;
    readonly group: string;
    readonly home: string;
    /** Environment variable of the launcher that sets the JVM's -Xmx. */
    readonly maxMemoryVariable: string;
    /** The daemon's variables file, when the package reads one; else the rc.d script passes them. */
    readonly environmentFile?: JavaEnvironmentFile;
    /**
     * rc.d only: the script pkgsrc does not ship (the generator writes it) and the directory of its
     * pidfile. Undefined where the package ships its own service (Debian's units and init scripts).
     */
    readonly rcScript?: string;
    readonly runDir?: string;
}

/**
 * `NAME="value"` lines read before the JVM starts: JAVA_SYS_PROPS and the heap size, and where
 * the package's service passes the launcher's arguments from a variable, that variable too.
 */
export interface JavaEnvironmentFile {
    readonly path: string;
    /** Who reads it, for the file's header: `Sourced by /usr/pkg/bin/jvb (bash)`. */
    readonly readBy: string;
    /** The variable whose words the service passes to the launcher (Debian: `JVB_OPTS`). */
    readonly optionsVariable?: string;
}

export interface JitsiWebPlatform {
    /** The built web UI: nginx's root. */
    readonly root: string;
    /** Where the site's config.js and title.html live (aliased by nginx). */
    readonly configDir: string;
}

export function netbsdMeet(local: HostPaths): MeetPlatform {
    return {
        prosody: {
            configFile: local('/usr/pkg/etc/prosody/prosody.cfg.lua'),
            dataDir: local('/var/db/prosody'),
            logDir: local('/var/log/prosody'),
            runDir: local('/var/run/prosody'),
            user: 'prosody',
            group: 'prosody',
            ctl: '/usr/pkg/bin/prosodyctl',
            jitsiPluginDir: '/usr/pkg/share/jitsi-meet-prosody',
            communityPluginDir: local('/usr/pkg/share/prosody-community-modules'),
            // NetBSD's base ftp(1) fetches http(s) URLs: `ftp -o FILE URL`.
            fetchCommand: '/usr/bin/ftp -o'
        },
        jicofo: {
            configDir: local('/usr/pkg/etc/jitsi/jicofo'),
            configFile: local('/usr/pkg/etc/jitsi/jicofo/jicofo.conf'),
            loggingProperties: '/usr/pkg/etc/jitsi/jicofo/logging.properties',
            launcher: '/usr/pkg/bin/jicofo',
            user: 'jicofo',
            group: 'jicofo',
            home: local('/var/db/jicofo'),
            runDir: local('/var/run/jicofo'),
            rcScript: local('/etc/rc.d/jicofo'),
            maxMemoryVariable: 'JICOFO_MAX_MEMORY'
        },
        jvb: {
            configDir: local('/usr/pkg/etc/jitsi/videobridge'),
            configFile: local('/usr/pkg/etc/jitsi/videobridge/jvb.conf'),
            loggingProperties: '/usr/pkg/etc/jitsi/videobridge/logging.properties',
            // pkgsrc rewrites the launcher's `source lib/videobridge.rc` to the config dir.
            environmentFile: { path: local('/usr/pkg/etc/jitsi/videobridge/videobridge.rc'), readBy: 'Sourced by /usr/pkg/bin/jvb (bash)' },
            launcher: '/usr/pkg/bin/jvb',
            user: 'jvb',
            group: 'jvb',
            home: local('/var/db/jvb'),
            runDir: local('/var/run/jvb'),
            rcScript: local('/etc/rc.d/jvb'),
            maxMemoryVariable: 'VIDEOBRIDGE_MAX_MEMORY'
        },
        web: {
            root: '/usr/pkg/share/jitsi-meet',
            configDir: local('/usr/pkg/etc/jitsi/meet')
        },
        logDir: local('/var/log/jitsi'),
        // The rc.d scripts create each log file as root and hand it to the daemon's user.
        logDirOwner: 'root:wheel',
        logDirMode: '0755'
    };
}

/**
 * Debian 12's prosody (0.12: /etc/prosody, /var/lib/prosody, pidfile in the unit's RuntimeDirectory
 * /run/prosody, local modules in /usr/local/lib/prosody/modules) with Jitsi's own Debian packages
 * from download.jitsi.org, which Debian lacks: jicofo (/etc/jitsi/jicofo, /usr/share/jicofo/jicofo.sh,
 * the SysV script /etc/init.d/jicofo sourcing /etc/jitsi/jicofo/config and run by systemd),
 * jitsi-videobridge2 (/etc/jitsi/videobridge, /usr/share/jitsi-videobridge/jvb.sh, the unit
 * jitsi-videobridge2.service with EnvironmentFile=/etc/jitsi/videobridge/config and `jvb.sh
 * ${JVB_OPTS}`), jitsi-meet-web (/usr/share/jitsi-meet, site config in /etc/jitsi/meet) and
 * jitsi-meet-prosody (/usr/share/jitsi-meet/prosody-plugins). Their postinsts create the users jicofo
 * and jvb (group jitsi, homes /usr/share/jicofo and /usr/share/jitsi-videobridge) and /var/log/jitsi
 * (jvb:jitsi 0770). The packages ship their services, so no rc.d script is written.
 */
export function debianMeet(local: HostPaths): MeetPlatform {
    return {
        prosody: {
            configFile: local('/etc/prosody/prosody.cfg.lua'),
            dataDir: local('/var/lib/prosody'),
            logDir: local('/var/log/prosody'),
            runDir: local('/run/prosody'),
            user: 'prosody',
            group: 'prosody',
            ctl: '/usr/bin/prosodyctl',
            jitsiPluginDir: '/usr/share/jitsi-meet/prosody-plugins',
            // On the plugin_paths of Debian's own prosody.cfg.lua; provision.sh fetches mod_auth_ldap here.
            communityPluginDir: local('/usr/local/lib/prosody/modules'),
            fetchCommand: '/usr/bin/curl -fsSL -o'
        },
        jicofo: {
            configDir: local('/etc/jitsi/jicofo'),
            configFile: local('/etc/jitsi/jicofo/jicofo.conf'),
            loggingProperties: '/etc/jitsi/jicofo/logging.properties',
            environmentFile: {
                path: local('/etc/jitsi/jicofo/config'), readBy: 'Sourced by /etc/init.d/jicofo (the package\'s service)',
                optionsVariable: 'JICOFO_OPTS'
            },
            launcher: '/usr/share/jicofo/jicofo.sh',
            user: 'jicofo',
            group: 'jitsi',
            // The package's home; provision.sh only creates it when missing (host-local like NetBSD's).
            home: local('/usr/share/jicofo'),
            maxMemoryVariable: 'JICOFO_MAX_MEMORY'
        },
        jvb: {
            configDir: local('/etc/jitsi/videobridge'),
            configFile: local('/etc/jitsi/videobridge/jvb.conf'),
            loggingProperties: '/etc/jitsi/videobridge/logging.properties',
            environmentFile: {
                path: local('/etc/jitsi/videobridge/config'), readBy: 'Read by jitsi-videobridge2.service (EnvironmentFile=)',
                optionsVariable: 'JVB_OPTS'
            },
            launcher: '/usr/share/jitsi-videobridge/jvb.sh',
            user: 'jvb',
            group: 'jitsi',
            home: local('/usr/share/jitsi-videobridge'),
            maxMemoryVariable: 'VIDEOBRIDGE_MAX_MEMORY'
        },
        web: {
            root: '/usr/share/jitsi-meet',
            configDir: local('/etc/jitsi/meet')
        },
        logDir: local('/var/log/jitsi'),
        // As the videobridge's postinst leaves it: the service writes its log as jvb, jicofo's as jicofo.
        logDirOwner: 'jvb:jitsi',
        logDirMode: '0770'
    };
}
