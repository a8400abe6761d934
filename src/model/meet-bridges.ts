import { roleInfo } from '../language/catalog/roles.js';
import type { Infrastructure, ServerModel, VmModel } from './infrastructure.js';
import { serverNamed } from './locate.js';

/**
 * The Jitsi videobridges (JVB) serving one Meet: the Meet VM's own bridge plus every `videobridge
 * for <meet VM>`. Each one logs in to the Meet's Prosody (c2s, port 5222) as the shared `jvb`
 * account and joins the brewery MUC under its own nickname; media reaches it on the UDP port the
 * server forwards to its VM, advertised at the server's public address through an ice4j static
 * mapping (JVB listens on that same port, so the forward needs no port translation).
 */

/** JVB's public HTTP server (colibri websockets, proxied by the Meet VM's nginx). */
export const COLIBRI_PORT = 9090;
/** Prosody's client-to-server port, where jicofo and every bridge log in. */
export const XMPP_C2S_PORT = 5222;

export interface JvbInstance {
    /** Host id of the bridge's VM (`server.vm`). */
    readonly host: string;
    readonly vmAddress: string;
    /** MUC nickname in the brewery: unique per bridge. */
    readonly nickname: string;
    /** The colibri-ws server id: the Meet's nginx routes `/colibri-ws/<id>/` to this bridge. */
    readonly serverId: string;
    /** Where the bridge reaches the Meet's Prosody. */
    readonly xmppHost: string;
    /**
     * `local` (the Meet VM itself), `private` (another VM on the Meet's server: the guest network),
     * `remote` (another server: only through the Meet server's public address, which forwards no 5222
     * yet — a site-to-site link is needed, see `remoteNote`).
     */
    readonly xmppPath: 'local' | 'private' | 'remote';
    readonly publicAddress: string;
    /** The forwarded UDP port: JVB's `ice.udp.port` and the public port of its static mapping. */
    readonly udpPort: number;
    /** The bridge's colibri HTTP listener, on its VM address. */
    readonly colibriPort: number;
}

/** The catalog's JVB media port (meet and videobridge share it): what its forward is called. */
const MEDIA_PORT = roleInfo('videobridge').publicPorts[0];

/**
 * The UDP port the server forwards to the VM for JVB media (the port-forward table decided it). Found
 * by the catalog's purpose, not just `udp`: the same VM may also answer DNS on 53/udp.
 */
export function forwardedUdpPort(server: ServerModel, vmHost: string): number {
    const forward = server.forwards.find(f => f.vm === vmHost && f.protocol === MEDIA_PORT.protocol && f.purpose === MEDIA_PORT.purpose);
    if (!forward) {
        throw new Error(`server ${server.name} forwards no UDP port to ${vmHost}: its videobridge would be unreachable`);
    }
    if (forward.guestPort !== forward.port) {
        // The static mapping advertises the public port; JVB must listen on that same port.
        throw new Error(`the UDP forward to ${vmHost} translates ${forward.port} to ${forward.guestPort}; JVB needs the same port on both sides`);
    }
    return forward.port;
}

/** One bridge on `bridgeVm` serving the Meet on `meetVm`. */
export function jvbInstance(infra: Infrastructure, bridgeVm: VmModel, meetVm: VmModel): JvbInstance {
    const server = serverNamed(infra, bridgeVm.server);
    const xmppPath = bridgeVm.host === meetVm.host ? 'local' : bridgeVm.server === meetVm.server ? 'private' : 'remote';
    const xmppHost = xmppPath === 'local' ? '127.0.0.1' : xmppPath === 'private' ? meetVm.address : serverNamed(infra, meetVm.server).publicIpv4;
    return {
        host: bridgeVm.host,
        vmAddress: bridgeVm.address,
        nickname: bridgeVm.host,
        serverId: bridgeVm.address,
        xmppHost,
        xmppPath,
        publicAddress: server.publicIpv4,
        udpPort: forwardedUdpPort(server, bridgeVm.host),
        colibriPort: COLIBRI_PORT
    };
}

/** The VMs running `videobridge for <meet VM>`, in model order. */
export function extraBridgeVms(infra: Infrastructure, meetHost: string): VmModel[] {
    return infra.servers.flatMap(s => s.vms).filter(vm => vm.roles.some(r => r.role === 'videobridge' && r.from === meetHost));
}

/** Every bridge of the Meet on `meetVm`: its own first, then the extra ones. */
export function bridgesOf(infra: Infrastructure, meetVm: VmModel): JvbInstance[] {
    return [meetVm, ...extraBridgeVms(infra, meetVm.host)].map(vm => jvbInstance(infra, vm, meetVm));
}

/** Why a bridge on another server cannot register yet, for the comment in its jvb.conf and the report. */
export function remoteNote(bridge: JvbInstance, meetVm: VmModel): string | undefined {
    if (bridge.xmppPath !== 'remote') {
        return undefined;
    }
    return `${meetVm.host} is on another server: this bridge reaches its Prosody at ${bridge.xmppHost}:${XMPP_C2S_PORT}, `
        + `which that server does not forward; it registers once a site-to-site link (or a forward of ${XMPP_C2S_PORT}/tcp) exists, `
        + `and the Meet's nginx reaches its colibri websocket at ${bridge.vmAddress}:${COLIBRI_PORT} only over that link.`;
}

/** JVM heap sizes (MiB) for the Java daemons on a VM: the Meet VM also runs Prosody, nginx and jicofo. */
export interface JavaHeaps {
    readonly jicofoMiB: number;
    readonly jvbMiB: number;
}

const roundDown64 = (mib: number): number => Math.floor(mib / 64) * 64;

/**
 * The launchers default to -Xmx3072m each, which two Java daemons on a 4 GiB Meet VM would exceed:
 * size them from the VM's memory instead (bridge 40 %, jicofo 20 % beside a Meet; a bridge alone
 * takes 75 %), never below what they start with.
 */
export function javaHeaps(vm: VmModel): JavaHeaps {
    const withMeet = vm.roles.some(r => r.role === 'meet');
    return {
        jicofoMiB: Math.max(256, roundDown64(vm.memoryMiB * 0.2)),
        jvbMiB: Math.max(512, roundDown64(vm.memoryMiB * (withMeet ? 0.4 : 0.75)))
    };
}
