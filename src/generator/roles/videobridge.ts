import * as path from 'node:path';
import { javaHeaps, remoteNote, type JvbInstance } from '../../model/meet-bridges.js';
import { vmByHost } from '../../model/locate.js';
import { meetServedBy, type MeetDeployment } from '../../model/meet-jitsi.js';
import type { JavaDaemonPlatform } from '../../platform/meet-platform.js';
import type { GeneratedFile } from '../file-set.js';
import type { GuestContext, RoleOutput, RoleRenderer } from '../guest-context.js';
import { shellWord } from '../template-escapes.js';
import { renderTemplate } from '../templates.js';

/**
 * The videobridge role (`videobridge for <meet VM>`): a jitsi-videobridge that registers with the
 * Meet's Prosody and takes media on its own server's forwarded UDP port. The Meet VM's own bridge is
 * rendered by the same functions (see meet.ts).
 */
export const renderVideobridge: RoleRenderer = (context, role) => {
    const { meetVm, meet } = meetServedBy(context.infra, role, context.secrets);
    const bridge = meet.bridges.find(b => b.host === context.vm.host);
    if (!bridge) {
        throw new Error(`${context.vm.host} is not among the bridges of ${meetVm.host}`);
    }
    const notes = [remoteNote(bridge, meetVm)].filter((n): n is string => n !== undefined);
    return renderBridge(context, meet, bridge, notes, ['DAEMON']);
};

/** jvb.conf, videobridge.rc, the jvb rc.d script and the provision lines of one bridge. */
export function renderBridge(context: GuestContext, meet: MeetDeployment, bridge: JvbInstance, notes: readonly string[], require: readonly string[]): RoleOutput {
    const { vm, profile } = context;
    const jvb = profile.meet.jvb;
    const heaps = javaHeaps(vmByHost(context.infra, vm.host));
    const files: GeneratedFile[] = [
        {
            host: vm.host, path: jvb.configFile, mode: 0o640, owner: 'root', group: jvb.group,
            content: renderTemplate('videobridge/jvb.conf', {
                meet, bridge, notes, websocketDomain: `${meet.fqdn}:443`, configId: meet.company
            })
        },
        {
            host: vm.host, path: jvb.rcFile, mode: 0o644,
            content: renderTemplate('videobridge/videobridge.rc', {
                jvb: { ...jvb, homeDirLocation: path.posix.dirname(jvb.configDir), homeDirName: path.posix.basename(jvb.configDir) },
                logDir: profile.meet.logDir, heapMiB: heaps.jvbMiB
            })
        },
        {
            host: vm.host, path: jvb.rcScript, mode: 0o555,
            content: javaDaemonRcScript(context, jvb, {
                name: 'jvb', description: `jitsi-videobridge for ${meet.fqdn}`, require,
                // The launcher sources videobridge.rc for JAVA_SYS_PROPS and the heap size.
                environment: [], arguments: ['--apis=,']
            })
        }
    ];
    return { files, provision: bridgeProvision(context) };
}

export interface JavaDaemonScript {
    readonly name: string;
    readonly description: string;
    readonly require: readonly string[];
    /** Variables set for the launcher; values already shell-quoted. */
    readonly environment: readonly { readonly name: string, readonly value: string }[];
    readonly arguments: readonly string[];
}

/** An rc.d script running a pkgsrc Java launcher in the background as its user (shared with jicofo). */
export function javaDaemonRcScript(context: GuestContext, daemon: JavaDaemonPlatform, script: JavaDaemonScript): string {
    return renderTemplate('videobridge/java-daemon.rc', {
        ...script,
        user: daemon.user,
        group: daemon.group,
        home: daemon.home,
        launcher: daemon.launcher,
        runDir: daemon.runDir,
        pidfile: `${daemon.runDir}/${script.name}.pid`,
        logDir: context.profile.meet.logDir,
        logFile: `${context.profile.meet.logDir}/${script.name}.log`
    });
}

/** The jvb user and its log directory; the config file's group is set again once the group exists. */
function bridgeProvision(context: GuestContext): string {
    const jvb = context.profile.meet.jvb;
    return [
        `ensure_user ${jvb.user} ${shellWord(jvb.home)} ${jvb.group}`,
        `ensure_dir ${shellWord(context.profile.meet.logDir)} root:${context.profile.base.rootGroup} 0755`,
        `chown root:${jvb.group} ${shellWord(jvb.configFile)}`,
        `chmod 0640 ${shellWord(jvb.configFile)}`
    ].join('\n') + '\n';
}
