import { describe, expect, test } from 'vitest';
import type { Infrastructure, ServerModel, VmModel } from '../../src/model/infrastructure.js';
import { forwardedUdpPort, javaHeaps, jvbInstance, remoteNote } from '../../src/model/meet-bridges.js';
import { resolveExample } from '../support/generation.js';

const vmOf = (infra: Infrastructure, host: string): VmModel => infra.servers.flatMap(s => s.vms).find(vm => vm.host === host)!;
const serverOf = (infra: Infrastructure, name: string): ServerModel => infra.servers.find(s => s.name === name)!;

describe('forwardedUdpPort', () => {
    test('the Meet VM gets 10000/udp, the port-forward table decides', async () => {
        const infra = await resolveExample('acme');
        expect(forwardedUdpPort(serverOf(infra, 'hv1'), 'hv1.meet')).toBe(10000);
    });

    test('a VM without a UDP forward is refused', async () => {
        const infra = await resolveExample('acme');
        expect(() => forwardedUdpPort(serverOf(infra, 'hv1'), 'hv1.auth')).toThrow(/forwards no UDP port to hv1.auth/);
    });

    test('a translated forward is refused: JVB advertises the public port it listens on', async () => {
        const infra = await resolveExample('acme');
        const server = serverOf(infra, 'hv1');
        const translated: ServerModel = {
            ...server, forwards: server.forwards.map(f => (f.vm === 'hv1.meet' ? { ...f, guestPort: 10001 } : f))
        };
        expect(() => forwardedUdpPort(translated, 'hv1.meet')).toThrow(/same port/);
    });
});

describe('jvbInstance', () => {
    test('the Meet\'s own bridge logs in over loopback and maps its address to the public one', async () => {
        const infra = await resolveExample('acme');
        const meet = vmOf(infra, 'hv1.meet');
        const bridge = jvbInstance(infra, meet, meet);
        expect(bridge).toMatchObject({
            xmppPath: 'local', xmppHost: '127.0.0.1', vmAddress: meet.address, serverId: meet.address,
            publicAddress: '203.0.113.10', udpPort: 10000, nickname: 'hv1.meet'
        });
        expect(remoteNote(bridge, meet)).toBeUndefined();
    });

    test('a bridge on another server uses its own public address and port, and the Meet server\'s address for XMPP', async () => {
        const infra = await resolveExample('two-servers');
        const bridge = jvbInstance(infra, vmOf(infra, 'south.jvb2'), vmOf(infra, 'north.meet'));
        expect(bridge).toMatchObject({
            xmppPath: 'remote', xmppHost: '192.0.2.10', publicAddress: '192.0.2.77', udpPort: 10000, vmAddress: '10.31.0.21'
        });
        expect(remoteNote(bridge, vmOf(infra, 'north.meet'))).toMatch(/site-to-site link/);
    });
});

describe('javaHeaps', () => {
    test('sized from the VM: two JVMs beside Prosody on the Meet VM stay under its memory', async () => {
        const infra = await resolveExample('acme');
        const meet = vmOf(infra, 'hv1.meet');
        const heaps = javaHeaps(meet);
        expect(meet.memoryMiB).toBe(4096);
        expect(heaps).toEqual({ jicofoMiB: 768, jvbMiB: 1600 });
        expect(heaps.jicofoMiB + heaps.jvbMiB).toBeLessThan(meet.memoryMiB * 0.75);
    });

    test('a bridge alone takes most of its VM', async () => {
        const infra = await resolveExample('two-servers');
        expect(javaHeaps(vmOf(infra, 'south.jvb2')).jvbMiB).toBe(1536);
    });
});
