import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { Server } from '../../src/language/generated/ast.js';
import { effectiveVms, neededRoles, type EffectiveVm } from '../../src/language/semantics/placement.js';
import { hostedCompanies } from '../../src/language/semantics/hosting.js';
import { parseSpec, services } from '../support/services.js';

const company = (name: string, services = '') =>
    `company ${name} "${name}" { domain ${name}.example  user a "A" { aliases postmaster, abuse  admin } ${services ? `services ${services}` : ''} }\n`;

async function servers(text: string): Promise<Server[]> {
    const document = await parseSpec(text, false);
    expect(document.parseResult.parserErrors).toEqual([]);
    return document.parseResult.value.servers;
}

/** `name@address: roles` per VM, for compact expectations. */
const summary = (vms: EffectiveVm[]) =>
    vms.map(vm => `${vm.name}@${vm.address}: ${vm.roles.map(r => r.relation ? `${r.role} ${r.relation} ${r.source}` : r.role).join(' ')}`);

afterEach(() => clearDocuments(services.shared));

describe('effective VMs', () => {
    test('a bare server hosting one company gets the core roles on conventional VMs at their fixed addresses', async () => {
        const [hv1] = await servers(company('acme') + 'server hv1 { public 203.0.113.10 }');
        expect(summary(effectiveVms(hv1))).toEqual([
            'auth@10.0.0.10: ldap dns', 'mx@10.0.0.11: mx', 'mail@10.0.0.12: mail', 'rproxy@10.0.0.17: proxy'
        ]);
    });

    test('services add their roles and what those require (cloud needs database, on the cloud VM)', async () => {
        const [hv1] = await servers(company('acme', 'cloud, website') + 'server hv1 { public 203.0.113.10 }');
        expect(summary(effectiveVms(hv1)).map(s => s.split(':')[0].split('@')[0])).toEqual(['auth', 'mx', 'mail', 'cloud', 'rproxy', 'www']);
        expect(effectiveVms(hv1).find(vm => vm.name === 'cloud')!.roles.map(r => r.role)).toEqual(['database', 'cloud']);
    });

    test('written addresses are kept; a conventional VM whose slot is taken and other VMs get free addresses from .20', async () => {
        const [hv1] = await servers(company('acme') + `server hv1 { public 203.0.113.10  network 10.5.0.0/24
            vm gw { address 10.5.0.11  runs proxy }
            vm dir { runs ldap, dns } }`);
        expect(summary(effectiveVms(hv1))).toEqual([
            'gw@10.5.0.11: proxy', 'dir@10.5.0.20: ldap dns', 'mx@10.5.0.21: mx', 'mail@10.5.0.12: mail'
        ]);
    });

    test('a needed role joins a declared VM that has its conventional name', async () => {
        const [hv1] = await servers(company('acme') + 'server hv1 { public 203.0.113.10  vm auth { runs ldap } }');
        const auth = effectiveVms(hv1).find(vm => vm.name === 'auth')!;
        expect(auth.roles.map(r => r.role)).toEqual(['ldap', 'dns']);
        expect(auth.roles[1].use).toBeUndefined();
        expect(auth.declared).toBe(hv1.members.find(m => m.$type === 'Vm'));
    });

    test('explicit placement adds nothing', async () => {
        const [hv1] = await servers(company('acme') + 'server hv1 { public 203.0.113.10  placement explicit  vm auth { runs ldap } }');
        expect(summary(effectiveVms(hv1))).toEqual(['auth@10.0.0.10: ldap']);
    });

    test('a server hosting nothing needs only what its declared primaries require; replicas require nothing', async () => {
        const [hv1, hv2] = await servers(company('acme') + `server hv1 { public 203.0.113.10  hosts acme  vm auth { runs ldap, dns }  vm meet { runs meet } }
            server hv2 { public 203.0.113.20  network 10.1.0.0/24
                vm auth2 { runs ldap from hv1.auth }  vm jvb { runs videobridge for hv1.meet }  vm web { runs website } }`);
        expect([...neededRoles(hv2)].sort()).toEqual(['proxy', 'website']);
        expect(summary(effectiveVms(hv2))).toEqual([
            'auth2@10.1.0.20: ldap from hv1.auth', 'jvb@10.1.0.21: videobridge for hv1.meet', 'web@10.1.0.22: website', 'rproxy@10.1.0.17: proxy'
        ]);
        expect(hostedCompanies(hv2)).toEqual([]);
        expect(hostedCompanies(hv1).map(c => c.name)).toEqual(['acme']);
    });

    test('writing out or adding VMs never moves the addresses of the others', async () => {
        const base = company('acme', 'website, webmail, cloud, git, meet') + 'server hv1 { public 203.0.113.10  vm auth { runs ldap, dns } }';
        const grown = company('acme', 'website, webmail, cloud, git, meet')
            + 'server hv1 { public 203.0.113.10  vm tools { runs git }  vm www { memory 1 GB }  vm auth { runs ldap, dns } }';
        const addresses = async (text: string) => {
            const [hv1] = await servers(text);
            return new Map(effectiveVms(hv1).map(vm => [vm.name, vm.address]));
        };
        const before = await addresses(base);
        await clearDocuments(services.shared);
        const after = await addresses(grown);
        for (const name of ['auth', 'mx', 'mail', 'webmail', 'cloud', 'meet', 'rproxy', 'www']) {
            expect(after.get(name), name).toBe(before.get(name));
        }
        expect(before.get('git')).toBe('10.0.0.15');
        expect(after.get('tools')).toBe('10.0.0.20');
    });

    test('a videobridge never pulls in a Meet', async () => {
        const [hv1] = await servers('server hv1 { public 203.0.113.10  vm jvb { runs videobridge } }');
        expect(summary(effectiveVms(hv1))).toEqual(['jvb@10.0.0.20: videobridge']);
    });

    test('one server without hosts hosts every company', async () => {
        const [hv1] = await servers(company('acme') + company('globex', 'git') + 'server hv1 { public 203.0.113.10 }');
        expect(hostedCompanies(hv1).map(c => c.name)).toEqual(['acme', 'globex']);
        expect(neededRoles(hv1).has('git')).toBe(true);
    });

    test('a small network falls back to .2–.9 and then runs out', async () => {
        const [hv1] = await servers(company('acme', 'website') + 'server hv1 { public 203.0.113.10  network 10.0.0.0/29 }');
        expect(effectiveVms(hv1).map(vm => vm.address)).toEqual(['10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6']);
        const [hv2] = await servers(company('acme', 'website, cloud') + 'server hv2 { public 203.0.113.10  network 10.0.0.0/29 }');
        expect(effectiveVms(hv2).map(vm => vm.address).filter(a => a === undefined)).toHaveLength(1);
    });

    test('resources: declared sizes in MiB/GiB, else the roles\' minimum memory, 1 cpu, 10 GiB disk', async () => {
        const [hv1] = await servers(`server hv1 { public 203.0.113.10
            vm big { memory 2 GB  cpus 4  disk 1 TB  runs cloud, database }
            vm small { runs ldap, dns }  vm tiny { runs website } }`);
        expect(effectiveVms(hv1).map(({ name, memoryMiB, cpus, diskGiB }) => ({ name, memoryMiB, cpus, diskGiB }))).toEqual([
            { name: 'big', memoryMiB: 2048, cpus: 4, diskGiB: 1024 },
            { name: 'small', memoryMiB: 512, cpus: 1, diskGiB: 10 },
            { name: 'tiny', memoryMiB: 256, cpus: 1, diskGiB: 10 },
            { name: 'rproxy', memoryMiB: 256, cpus: 1, diskGiB: 10 }
        ]);
    });
});
