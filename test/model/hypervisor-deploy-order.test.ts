import { describe, expect, it } from 'vitest';
import { delegations } from '../../src/model/deploy-delegation.js';
import { deployOrder, vmStage } from '../../src/model/deploy-order.js';
import type { Infrastructure } from '../../src/model/infrastructure.js';
import { resolveExample } from '../support/generation.js';

const order = (infra: Infrastructure): string[][] => deployOrder(infra).map(step => [step.server.name, ...step.guests.map(vm => vm.name)]);

describe('deploy order', () => {
    it('acme: directory and DNS, database, mail, applications, website, proxy last', async () => {
        expect(order(await resolveExample('acme'))).toEqual([['hv1', 'auth', 'cloud', 'mx', 'mail', 'meet', 'webmail', 'git', 'www', 'rproxy']]);
    });

    it('hosting: the shared data VM (database first) precedes mail, web and proxy', async () => {
        expect(order(await resolveExample('hosting'))).toEqual([['shared1', 'auth', 'data', 'mx', 'mail', 'web', 'meet', 'rproxy']]);
    });

    it('a VM is due at its earliest role', async () => {
        const infra = await resolveExample('hosting');
        const data = infra.servers[0].vms.find(vm => vm.name === 'data')!;
        expect(vmStage(data)).toBe(1);
    });

    it('a server copying from another comes after it, whatever the spec order', async () => {
        const infra = await resolveExample('two-servers');
        const reversed = { ...infra, servers: [...infra.servers].reverse() };
        expect(order(reversed).map(step => step[0])).toEqual(['north', 'south']);
    });
});

describe('DNS delegation', () => {
    it('one name server per server answering port 53 for the company, the primary first', async () => {
        const [umbrella] = delegations(await resolveExample('two-servers'));
        expect(umbrella.nameServers.map(ns => [ns.fqdn, ns.ipv4, ns.primary])).toEqual([
            ['ns1.umbrella.example', '192.0.2.10', true], ['ns2.umbrella.example', '192.0.2.77', false]
        ]);
    });

    it('hosting: every company is delegated to the shared server, with IPv6 glue', async () => {
        const all = delegations(await resolveExample('hosting'));
        expect(all.map(d => d.nameServers.map(ns => `${ns.fqdn} ${ns.ipv4} ${ns.ipv6}`))).toEqual([
            ['ns1.wayne.example 198.51.100.20 2001:db8:20::1'], ['ns1.globex.example 198.51.100.20 2001:db8:20::1'],
            ['ns1.initech.example.org 198.51.100.20 2001:db8:20::1']
        ]);
    });
});
