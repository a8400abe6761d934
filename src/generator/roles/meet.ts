import { javaHeaps } from '../../model/meet-bridges.js';
import { meetCompany, resolveMeet, type MeetDeployment } from '../../model/meet-jitsi.js';
import { MOD_AUTH_LDAP } from '../../model/meet-prosody-modules.js';
import type { GeneratedFile } from '../file-set.js';
import type { GuestContext, RoleRenderer } from '../guest-context.js';
import { renderTemplate } from '../templates.js';
import { javaDaemonFiles } from './java-daemon.js';
import { renderBridge } from './videobridge.js';

/**
 * The meet role: one Jitsi Meet per company on its VM. Prosody (room hosts log in through LDAP,
 * guests anonymously when allowed), jicofo, the VM's own videobridge, the web UI's config.js and
 * title.html, nginx's site on port 80 behind the reverse proxy, how the Java daemons start (rc.d scripts or the packages' variables files)
 * and the provisioning: users, the pinned mod_auth_ldap, the internal XMPP accounts.
 */
export const renderMeet: RoleRenderer = (context, role) => {
    const meet = resolveMeet(context.infra, context.vm, meetCompany(context.infra, context.vm, role), context.secrets);
    const own = meet.bridges.find(b => b.host === context.vm.host);
    if (!own) {
        throw new Error(`the Meet on ${context.vm.host} has no bridge of its own`);
    }
    const bridge = renderBridge(context, meet, own, [], ['DAEMON', 'prosody']);
    return {
        files: [...meetFiles(context, meet), ...bridge.files],
        provision: meetProvision(context, meet) + (bridge.provision ?? '')
    };
};

function meetFiles(context: GuestContext, meet: MeetDeployment): GeneratedFile[] {
    const { vm, profile } = context;
    const m = profile.meet;
    const tls = certificatePair(context, meet);
    const configJs = `${m.web.configDir}/config.js`;
    const titleHtml = `${m.web.configDir}/title.html`;
    return [
        {
            host: vm.host, path: m.prosody.configFile, mode: 0o640, owner: 'root', group: m.prosody.group,
            content: renderTemplate('meet/prosody.cfg.lua', {
                meet, prosody: m.prosody, certificate: tls.certificate, key: tls.key,
                pidFile: `${m.prosody.runDir}/prosody.pid`,
                infoLog: `${m.prosody.logDir}/prosody.log`, errorLog: `${m.prosody.logDir}/prosody.err`
            })
        },
        {
            host: vm.host, path: m.jicofo.configFile, mode: 0o640, owner: 'root', group: m.jicofo.group,
            content: renderTemplate('meet/jicofo.conf', { meet })
        },
        ...javaDaemonFiles(context, m.jicofo, {
            name: 'jicofo', description: `the Jitsi conference focus for ${meet.fqdn}`, require: ['DAEMON', 'prosody'],
            heapMiB: javaHeaps(vm).jicofoMiB, arguments: []
        }),
        {
            host: vm.host, path: configJs, mode: 0o644,
            content: renderTemplate('meet/config.js', {
                meet, boshUrl: `https://${meet.fqdn}/http-bind`, websocketUrl: `wss://${meet.fqdn}/xmpp-websocket`
            })
        },
        {
            host: vm.host, path: titleHtml, mode: 0o644,
            content: renderTemplate('meet/title.html', { meet, description: `Video conferences of ${meet.brand}` })
        },
        {
            host: vm.host, path: `${profile.base.nginxConfDir}/sites/meet.conf`, mode: 0o644,
            content: renderTemplate('meet/nginx-site.conf', {
                meet, web: m.web, configJs, titleHtml,
                bridges: meet.bridges.map(b => ({ ...b, remote: b.xmppPath === 'remote' }))
            })
        }
    ];
}

/** `<tlsDir>/<meet fqdn>.crt|.key`: Prosody's certificate for c2s STARTTLS. */
function certificatePair(context: GuestContext, meet: MeetDeployment): { certificate: string, key: string } {
    const dir = context.profile.base.tlsDir;
    return { certificate: `${dir}/${meet.fqdn}.crt`, key: `${dir}/${meet.fqdn}.key` };
}

function meetProvision(context: GuestContext, meet: MeetDeployment): string {
    const m = context.profile.meet;
    const tls = certificatePair(context, meet);
    return renderTemplate('meet/provision.sh', {
        meet, prosody: m.prosody, jicofo: m.jicofo, tls, module: MOD_AUTH_LDAP,
        modulePath: `${m.prosody.communityPluginDir}/${MOD_AUTH_LDAP.file}`,
        downloadPath: `${m.prosody.communityPluginDir}/${MOD_AUTH_LDAP.file}.download`
    });
}
