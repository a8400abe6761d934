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
    readonly jvb: JvbPlatform;
    readonly web: JitsiWebPlatform;
    /** Where the Java daemons write their stdout/stderr logs (one file per daemon). */
    readonly logDir: string;
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
    /** Owned by the daemon's user: its pidfile. */
    readonly runDir: string;
    /** The rc.d script pkgsrc does not ship, written by the generator. */
    readonly rcScript: string;
    /** Environment variable of the launcher that sets the JVM's -Xmx. */
    readonly maxMemoryVariable: string;
}

export interface JvbPlatform extends JavaDaemonPlatform {
    /** Sourced by the launcher (pkgsrc rewrites its path to the config dir): JAVA_SYS_PROPS and memory. */
    readonly rcFile: string;
}

export interface JitsiWebPlatform {
    /** The built web UI: nginx's root. */
    readonly root: string;
    /** Where the site's config.js and title.html live (aliased by nginx). */
    readonly configDir: string;
}

export const netbsdMeet: MeetPlatform = {
    prosody: {
        configFile: '/usr/pkg/etc/prosody/prosody.cfg.lua',
        dataDir: '/var/db/prosody',
        logDir: '/var/log/prosody',
        runDir: '/var/run/prosody',
        user: 'prosody',
        group: 'prosody',
        ctl: '/usr/pkg/bin/prosodyctl',
        jitsiPluginDir: '/usr/pkg/share/jitsi-meet-prosody',
        communityPluginDir: '/usr/pkg/share/prosody-community-modules',
        // NetBSD's base ftp(1) fetches http(s) URLs: `ftp -o FILE URL`.
        fetchCommand: '/usr/bin/ftp -o'
    },
    jicofo: {
        configDir: '/usr/pkg/etc/jitsi/jicofo',
        configFile: '/usr/pkg/etc/jitsi/jicofo/jicofo.conf',
        loggingProperties: '/usr/pkg/etc/jitsi/jicofo/logging.properties',
        launcher: '/usr/pkg/bin/jicofo',
        user: 'jicofo',
        group: 'jicofo',
        home: '/var/db/jicofo',
        runDir: '/var/run/jicofo',
        rcScript: '/etc/rc.d/jicofo',
        maxMemoryVariable: 'JICOFO_MAX_MEMORY'
    },
    jvb: {
        configDir: '/usr/pkg/etc/jitsi/videobridge',
        configFile: '/usr/pkg/etc/jitsi/videobridge/jvb.conf',
        loggingProperties: '/usr/pkg/etc/jitsi/videobridge/logging.properties',
        rcFile: '/usr/pkg/etc/jitsi/videobridge/videobridge.rc',
        launcher: '/usr/pkg/bin/jvb',
        user: 'jvb',
        group: 'jvb',
        home: '/var/db/jvb',
        runDir: '/var/run/jvb',
        rcScript: '/etc/rc.d/jvb',
        maxMemoryVariable: 'VIDEOBRIDGE_MAX_MEMORY'
    },
    web: {
        root: '/usr/pkg/share/jitsi-meet',
        configDir: '/usr/pkg/etc/jitsi/meet'
    },
    logDir: '/var/log/jitsi'
};
