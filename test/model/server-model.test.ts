import { describe, expect, it } from 'vitest';
import { daemonsOf, macFor, packagesOf } from '../../src/model/server-model.js';
import { nearestVm, primaryVm } from '../../src/model/locate.js';
import { resolveExample } from '../support/generation.js';

describe('server model', () => {
    it('resolves the server with its defaults and the guest network', async () => {
        const [hv1] = (await resolveExample('acme')).servers;
        expect(hv1).toMatchObject({
            name: 'hv1', os: { name: 'netbsd', version: '10.1' }, domain: 'acme.example', fqdn: 'hv1.acme.example',
            publicIpv4: '203.0.113.10', publicInterface: 'wm0', mirror: 'https://cdn.NetBSD.org/pub/pkgsrc/packages', companies: ['acme'],
            resources: { memoryMiB: 32768, cpus: 8, diskGiB: 1024 }
        });
        expect(hv1.network).toEqual({
            cidr: '10.0.0.0/24', network: '10.0.0.0', prefix: 24, netmask: '255.255.255.0', broadcast: '10.0.0.255', gateway: '10.0.0.1',
            bridge: 'bridge0', hostInterface: 'vether0'
        });
    });

    it('places every role, with conventional addresses, taps and MACs', async () => {
        const [hv1] = (await resolveExample('acme')).servers;
        expect(hv1.vms.map(vm => `${vm.host} ${vm.address} ${vm.tap} ${vm.roles.map(r => r.role).join(',')}`)).toEqual([
            'hv1.auth 10.0.0.10 tap1 ldap,dns', 'hv1.cloud 10.0.0.14 tap2 cloud,database', 'hv1.meet 10.0.0.16 tap3 meet',
            'hv1.mx 10.0.0.11 tap4 mx', 'hv1.mail 10.0.0.12 tap5 mail', 'hv1.webmail 10.0.0.13 tap6 webmail', 'hv1.git 10.0.0.15 tap7 git',
            'hv1.rproxy 10.0.0.17 tap8 proxy', 'hv1.www 10.0.0.18 tap9 website'
        ]);
        expect(hv1.vms.find(vm => vm.name === 'meet')).toMatchObject({ fqdn: 'meet.acme.example', memoryMiB: 4096, cpus: 2, diskGiB: 10 });
    });

    it('derives a locally administered MAC from the address', () => {
        expect(macFor('10.0.0.10')).toBe('52:54:00:00:00:0a');
        expect(macFor('10.20.1.200')).toBe('52:54:00:14:01:c8');
    });

    it('lists packages sorted and daemons in start order', () => {
        expect(daemonsOf([{ role: 'cloud', companies: [] }, { role: 'database', companies: [] }])).toEqual(['mariadb', 'php-fpm', 'nginx']);
        const packages = packagesOf([{ role: 'ldap', companies: [] }]);
        expect(packages).toEqual([...packages].sort());
        expect(packages).toEqual(expect.arrayContaining(['openldap-server', 'base-tools']));
    });

    it('turns the forward table into addresses', async () => {
        const [hv1] = (await resolveExample('acme')).servers;
        expect(hv1.forwards.map(f => `${f.port}/${f.protocol}>${f.address ?? 'host'}:${f.guestPort}`)).toEqual([
            '22/tcp>host:22', '53/tcp>10.0.0.10:53', '53/udp>10.0.0.10:53', '10000/udp>10.0.0.16:10000', '25/tcp>10.0.0.11:25',
            '587/tcp>10.0.0.12:587', '993/tcp>10.0.0.12:993', '80/tcp>10.0.0.17:80', '443/tcp>10.0.0.17:443', '2222/tcp>10.0.0.15:22'
        ]);
    });

    it('serves every hosted company from the shared roles of a hosting server', async () => {
        const infra = await resolveExample('hosting');
        const [shared] = infra.servers;
        expect(shared.companies).toEqual(['wayne', 'globex', 'initech']);
        expect(shared.vms.find(vm => vm.name === 'mx')!.roles[0].companies).toEqual(['wayne', 'globex', 'initech']);
        expect(infra.companies.map(c => c.server)).toEqual(['shared1', 'shared1', 'shared1']);
        expect(shared).toMatchObject({ publicIpv6: '2001:db8:20::1', publicIpv6Prefix: 64 });
    });

    it('gives replicas the companies of their source and the source host id', async () => {
        const infra = await resolveExample('two-servers');
        const south = infra.servers.find(s => s.name === 'south')!;
        expect(south.companies).toEqual([]);
        expect(south.domain).toBe('umbrella.example');
        expect(south.vms.map(vm => vm.roles.map(r => `${r.role} ${r.relation} ${r.from} ${r.companies.join(',')}`))).toEqual([
            ['ldap from north.auth umbrella', 'dns from north.auth umbrella'], ['videobridge for north.meet umbrella']
        ]);
    });

    it('finds the nearest copy of a role before the primary', async () => {
        const infra = await resolveExample('two-servers');
        expect(primaryVm(infra, 'umbrella', 'ldap')?.host).toBe('north.auth');
        expect(nearestVm(infra, 'umbrella', 'ldap', 'south')?.host).toBe('south.auth2');
        expect(nearestVm(infra, 'umbrella', 'ldap', 'north')?.host).toBe('north.auth');
        expect(nearestVm(infra, 'umbrella', 'mail', 'south')?.host).toBe('north.mail');
    });
});
