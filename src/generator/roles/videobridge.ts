import { javaHeaps, remoteNote, type JvbInstance } from '../../model/meet-bridges.js';
import { vmByHost } from '../../model/locate.js';
import { meetServedBy, type MeetDeployment } from '../../model/meet-jitsi.js';
import type { GeneratedFile } from '../file-set.js';
import type { GuestContext, RoleOutput, RoleRenderer } from '../guest-context.js';
import { shellWord } from '../template-escapes.js';
import { renderTemplate } from '../templates.js';
import { javaDaemonFiles } from './java-daemon.js';

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

/** jvb.conf, the daemon's environment file or rc.d script (as the platform starts it) and the provision lines of one bridge. */
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
        ...javaDaemonFiles(context, jvb, {
            name: 'jvb', description: `jitsi-videobridge for ${meet.fqdn}`, require, heapMiB: heaps.jvbMiB,
            // No component API: the bridge logs in to Prosody as a client (jvb.conf's xmpp-client).
            arguments: ['--apis=,']
        })
    ];
    return { files, provision: bridgeProvision(context) };
}

/** The jvb user and the Java daemons' log directory; the config file's group is set again once the group exists. */
function bridgeProvision(context: GuestContext): string {
    const { jvb, logDir, logDirOwner, logDirMode } = context.profile.meet;
    return [
        `ensure_user ${jvb.user} ${shellWord(jvb.home)} ${jvb.group}`,
        `ensure_dir ${shellWord(logDir)} ${logDirOwner} ${logDirMode}`,
        `chown root:${jvb.group} ${shellWord(jvb.configFile)}`,
        `chmod 0640 ${shellWord(jvb.configFile)}`
    ].join('\n') + '\n';
}
