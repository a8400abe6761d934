import { describe, expect, it } from 'vitest';
import { nameServers, primaryOf, secondaryPeers } from '../../src/model/dns-servers.js';
import type { Infrastructure } from '../../src/model/infrastructure.js';
import { addressBetween, vmRefByHost } from '../../src/model/ldap-replication.js';
import { SecretStore } from '../../src/model/secrets.js';
import { resolveExample } from '../support/generation.js';

describe('name servers and transfers (two-servers)', async () => {
    const infra: Infrastructure = await resolveExample('two-servers');
    const umbrella = infra.companies[0];
    const north = vmRefByHost(infra, 'north.auth');
    const south = vmRefByHost(infra, 'south.auth2');

    it('lists the primary as ns1 and the secondary server as ns2', () => {
        expect(nameServers(infra, north, umbrella)).toEqual([{ label: 'ns1', ipv4: '192.0.2.10' }, { label: 'ns2', ipv4: '192.0.2.77' }]);
    });

    it('uses public addresses between servers and private ones on the same server', () => {
        expect(addressBetween(north, south)).toBe('192.0.2.77');
        expect(addressBetween(south, north)).toBe('192.0.2.10');
        const northMeet = vmRefByHost(infra, 'north.meet');
        expect(addressBetween(north, northMeet)).toBe(northMeet.vm.address);
    });

    it('shares one TSIG key between the primary and its secondary', () => {
        const secrets = new SecretStore();
        const [peer] = secondaryPeers(infra, north, umbrella, secrets);
        const primary = primaryOf(infra, south, 'north.auth', umbrella, secrets);
        expect(peer.key).toEqual(primary.key);
        expect(peer.key.name).toBe('xfr-umbrella-south-auth2');
        expect(Buffer.from(peer.key.secret, 'base64')).toHaveLength(32);
    });

    it('adds no second NS for a secondary behind the same public address, but still feeds it privately', () => {
        const sameServer = { ...south, server: north.server };
        const infraSame: Infrastructure = {
            ...infra,
            servers: infra.servers.map(s => s.name === 'north' ? { ...s, vms: [...s.vms, { ...south.vm, host: 'north.auth2' }] } : s)
                .filter(s => s.name === 'north')
        };
        expect(sameServer.server.publicIpv4).toBe('192.0.2.10');
        expect(nameServers(infraSame, north, umbrella).map(n => n.label)).toEqual(['ns1']);
        // it still gets the zone, over the guest network
        expect(secondaryPeers(infraSame, north, umbrella, new SecretStore()).map(p => p.address)).toEqual([south.vm.address]);
    });
});
