import { describe, expect, test } from 'vitest';
import type { Infrastructure } from '../../src/model/infrastructure.js';
import { ldapLoginFilter, meetCompany, meetDomains, meetServedBy, resolveMeet } from '../../src/model/meet-jitsi.js';
import { fixtureSecrets, resolveExample } from '../support/generation.js';

const vmOf = (infra: Infrastructure, host: string) => infra.servers.flatMap(s => s.vms).find(vm => vm.host === host)!;

describe('meetDomains', () => {
    test('Jitsi layout under the meet name; guest and lobby only when on', () => {
        const on = meetDomains('meet.acme.example', true, true);
        expect(on).toMatchObject({
            main: 'meet.acme.example', auth: 'auth.meet.acme.example', guest: 'guest.meet.acme.example',
            conference: 'conference.meet.acme.example', internal: 'internal.auth.meet.acme.example',
            focus: 'focus.meet.acme.example', lobby: 'lobby.meet.acme.example'
        });
        const off = meetDomains('meet.acme.example', false, false);
        expect(off.guest).toBeUndefined();
        expect(off.lobby).toBeUndefined();
    });
});

describe('meetCompany', () => {
    test('hosting: the shared meet role serves only globex, the one company using meet', async () => {
        const infra = await resolveExample('hosting');
        const vm = vmOf(infra, 'shared1.meet');
        expect(meetCompany(infra, vm, vm.roles[0]).name).toBe('globex');
    });

    test('two companies with meet on one meet VM are refused with the way out', async () => {
        const infra = await resolveExample('hosting');
        const wayne = infra.companies.find(c => c.name === 'wayne')!;
        const globex = infra.companies.find(c => c.name === 'globex')!;
        const twoMeets: Infrastructure = {
            ...infra,
            companies: infra.companies.map(c => (c === wayne ? { ...wayne, services: { ...wayne.services, meet: globex.services.meet } } : c))
        };
        const vm = vmOf(twoMeets, 'shared1.meet');
        expect(() => meetCompany(twoMeets, vm, vm.roles[0])).toThrow(/give each company its own meet VM/);
    });
});

describe('resolveMeet', () => {
    test('acme: LDAP login against the auth VM as the prosody account, proxies trusted, own bridge', async () => {
        const infra = await resolveExample('acme');
        const vm = vmOf(infra, 'hv1.meet');
        const company = meetCompany(infra, vm, vm.roles[0]);
        const meet = resolveMeet(infra, vm, company, fixtureSecrets('acme'));
        expect(meet.ldap.server).toBe(vmOf(infra, 'hv1.auth').address);
        expect(meet.ldap.bindDn).toBe('uid=prosody,ou=system,dc=acme,dc=example');
        expect(meet.ldap.base).toBe('ou=people,dc=acme,dc=example');
        expect(meet.trustedProxies).toEqual(['127.0.0.1', vmOf(infra, 'hv1.rproxy').address]);
        expect(meet.breweryJid).toBe('jvbbrewery@internal.auth.meet.acme.example');
        expect(meet.focus.jid).toBe('focus@auth.meet.acme.example');
        expect(meet.focus.password).not.toBe(meet.jvb.password);
        expect(meet.lobby).toBe(true);
        expect(meet.bridges.map(b => b.host)).toEqual(['hv1.meet']);
    });

    test('the login filter accepts the uid or the mailbox local part, among people only', async () => {
        const infra = await resolveExample('acme');
        const acme = infra.companies.find(c => c.name === 'acme')!;
        expect(ldapLoginFilter(acme)).toBe('(&(objectClass=inetOrgPerson)(|(uid=$user)(mail=$user@acme.example)))');
    });

    test('a videobridge for north.meet serves umbrella, and the Meet lists it as its second bridge', async () => {
        const infra = await resolveExample('two-servers');
        const jvb2 = vmOf(infra, 'south.jvb2');
        const { meetVm, meet } = meetServedBy(infra, jvb2.roles[0], fixtureSecrets('two-servers'));
        expect(meetVm.host).toBe('north.meet');
        expect(meet.company).toBe('umbrella');
        expect(meet.bridges.map(b => b.host)).toEqual(['north.meet', 'south.jvb2']);
    });
});
