import { describe, expect, it } from 'vitest';
import { FALLBACK_RESOLVER, guestHostsEntries, guestResolver } from '../../src/model/guest-network.js';
import { guestPackageNames, guestServices, packageRepository } from '../../src/model/guest-software.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import { resolveExample } from '../support/generation.js';

describe('guest network and software decisions', () => {
    it('the resolver is the dns VM serving the server\'s first company (hosting: one shared dns)', async () => {
        const infra = await resolveExample('hosting');
        const server = infra.servers[0];
        expect(guestResolver(infra, server)).toMatchObject({ nameserver: '10.20.0.10', search: 'wayne.example' });
    });

    it('a server without any dns VM falls back to the public resolver', async () => {
        const infra = await resolveExample('two-servers');
        const south = infra.servers.find(s => s.name === 'south')!;
        const withoutDns = { ...south, vms: south.vms.filter(vm => !vm.roles.some(r => r.role === 'dns')) };
        expect(guestResolver(infra, withoutDns).nameserver).toBe(FALLBACK_RESOLVER);
        expect(guestResolver(infra, south).nameserver).toBe('10.31.0.20');
    });

    it('hosts: hypervisor first, then each VM', async () => {
        const infra = await resolveExample('hosting');
        const entries = guestHostsEntries(infra.servers[0]);
        expect(entries[0]).toEqual({ address: '10.20.0.1', fqdn: infra.servers[0].fqdn, name: 'shared1' });
        expect(entries.map(e => e.name)).toEqual(['shared1', ...infra.servers[0].vms.map(vm => vm.name)]);
    });

    it('package names are mapped, unique, and ids without packages vanish', async () => {
        const infra = await resolveExample('acme');
        const auth = infra.servers[0].vms.find(vm => vm.name === 'auth')!;
        expect(guestPackageNames(auth, netbsdProfile.base)).toEqual(['pkgin', 'bind918', 'mozilla-rootcerts', 'openldap-client', 'openldap-server']);
        expect(guestServices(auth, netbsdProfile.base).map(s => s.rcvar)).toEqual(['slapd', 'named9']);
    });

    it('the repository uses the release major and strips a trailing slash from the mirror', async () => {
        const infra = await resolveExample('acme');
        const server = { ...infra.servers[0], mirror: 'http://mirror.example/pkgsrc/', os: { name: 'netbsd' as const, version: '9.3' } };
        expect(packageRepository(server)).toEqual({
            pkginUrl: 'http://mirror.example/pkgsrc/NetBSD/$arch/9.0/All',
            before: 'http://mirror.example/pkgsrc/NetBSD/', after: '/9.0/All'
        });
    });
});
