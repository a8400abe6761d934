import { describe, expect, it } from 'vitest';
import { bridgeMembers, hostPorts, hypervisorSysctl, inboundForwards, vmServiceName } from '../../src/model/hypervisor-network.js';
import { resolveExample } from '../support/generation.js';

describe('hypervisor decisions', () => {
    it('VM services are prefixed and shell-safe', () => {
        expect(vmServiceName({ name: 'auth' })).toBe('vm_auth');
        expect(vmServiceName({ name: 'web-front' })).toBe('vm_web_front');
    });

    it('forwards split into guests\' and the host\'s own ssh', async () => {
        const server = (await resolveExample('acme')).servers[0];
        expect(hostPorts(server).map(f => `${f.protocol}/${f.port}`)).toEqual(['tcp/22']);
        const inbound = inboundForwards(server);
        expect(inbound).toHaveLength(server.forwards.length - 1);
        expect(inbound.every(f => f.address.startsWith('10.0.0.'))).toBe(true);
    });

    it('the bridge holds every tap and the host interface last; only IPv4 forwarding is enabled', async () => {
        const server = (await resolveExample('hosting')).servers[0];
        expect(bridgeMembers(server)).toEqual([...server.vms.map(vm => vm.tap), 'vether0']);
        expect(hypervisorSysctl(server)).toEqual(['net.inet.ip.forwarding=1']);
    });
});
