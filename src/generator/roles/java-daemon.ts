import * as path from 'node:path';
import type { JavaDaemonPlatform } from '../../platform/meet-platform.js';
import type { GeneratedFile } from '../file-set.js';
import type { GuestContext } from '../guest-context.js';
import { shellWord } from '../template-escapes.js';
import { renderTemplate } from '../templates.js';

/**
 * How jicofo and jitsi-videobridge are started: with the JVM's system properties, its heap and the
 * launcher's arguments. Where the package reads a variables file (pkgsrc's videobridge.rc, Debian's
 * /etc/jitsi/<daemon>/config) they go there; where pkgsrc ships no rc.d script, the generator writes
 * one that passes whatever no file carries.
 */
export interface JavaDaemon {
    /** rc.d name, pidfile and log file name: `jicofo`, `jvb`. */
    readonly name: string;
    readonly description: string;
    /** rc.d REQUIRE line. */
    readonly require: readonly string[];
    readonly heapMiB: number;
    /** The launcher's arguments (`--apis=,`). */
    readonly arguments: readonly string[];
}

/** The daemon's environment file and rc.d script, as its platform has them. */
export function javaDaemonFiles(context: GuestContext, platform: JavaDaemonPlatform, daemon: JavaDaemon): GeneratedFile[] {
    const host = context.vm.host;
    const env = platform.environmentFile;
    const properties = javaSystemProperties(context, platform);
    const files: GeneratedFile[] = [];
    if (env !== undefined) {
        files.push({
            host, path: env.path, mode: 0o644,
            content: renderTemplate('videobridge/java-daemon.env', {
                readBy: env.readBy, optionsVariable: env.optionsVariable ?? false, launcher: platform.launcher,
                arguments: daemon.arguments.map(environmentValue), systemProperties: environmentValue(properties),
                maxMemoryVariable: platform.maxMemoryVariable, heapMiB: daemon.heapMiB
            })
        });
    }
    if (platform.rcScript !== undefined) {
        files.push({
            host, path: platform.rcScript, mode: 0o555,
            content: javaDaemonRcScript(context, platform, {
                ...daemon,
                environment: env === undefined
                    ? [
                        { name: 'JAVA_SYS_PROPS', value: shellWord(properties) },
                        { name: platform.maxMemoryVariable, value: `${daemon.heapMiB}m` }
                    ]
                    : [],
                arguments: env?.optionsVariable === undefined ? daemon.arguments : []
            })
        });
    }
    return files;
}

/**
 * JAVA_SYS_PROPS as the packages set it: the HOCON file, the legacy SC_HOME_DIR (the config dir's
 * parent and name), the log directory and java.util.logging's properties.
 */
export function javaSystemProperties(context: GuestContext, platform: JavaDaemonPlatform): string {
    return [
        `-Dconfig.file=${platform.configFile}`,
        `-Dnet.java.sip.communicator.SC_HOME_DIR_LOCATION=${path.posix.dirname(platform.configDir)}`,
        `-Dnet.java.sip.communicator.SC_HOME_DIR_NAME=${path.posix.basename(platform.configDir)}`,
        `-Dnet.java.sip.communicator.SC_LOG_DIR_LOCATION=${context.profile.meet.logDir}`,
        `-Djava.util.logging.config.file=${platform.loggingProperties}`
    ].join(' ');
}

/**
 * A value inside `NAME="…"`, which both sh and systemd's EnvironmentFile read: the product's paths
 * and options never need quoting inside it, and one that would is refused rather than mangled.
 */
function environmentValue(value: string): string {
    if (/["\\$`\n]/.test(value)) {
        throw new Error(`cannot put ${JSON.stringify(value)} in a double-quoted environment value`);
    }
    return value;
}

interface RcScript extends JavaDaemon {
    /** Variables set for the launcher; values already shell-quoted. */
    readonly environment: readonly { readonly name: string, readonly value: string }[];
}

/** An rc.d script running a pkgsrc Java launcher in the background as its user. */
function javaDaemonRcScript(context: GuestContext, platform: JavaDaemonPlatform, script: RcScript): string {
    if (platform.runDir === undefined) {
        throw new Error(`the platform gives ${script.name} an rc.d script but no run directory for its pidfile`);
    }
    return renderTemplate('videobridge/java-daemon.rc', {
        ...script,
        user: platform.user,
        group: platform.group,
        home: platform.home,
        launcher: platform.launcher,
        runDir: platform.runDir,
        pidfile: `${platform.runDir}/${script.name}.pid`,
        logDir: context.profile.meet.logDir,
        logFile: `${context.profile.meet.logDir}/${script.name}.log`
    });
}
