import { describe, expect, it } from 'vitest';
import { companyLdapMaps, mailLdapMaps } from '../../src/model/mail-ldap-maps.js';
import { MAILBOX_FILTER, MAIL_FORWARD_FILTER } from '../../src/model/ldap-schema.js';
import { resolveExample } from '../support/generation.js';

describe('Postfix LDAP maps on the mail VM', () => {
    it('binds as the company postfix account to its own suffix, on the LDAP VM, for its domain only', async () => {
        const infra = await resolveExample('acme');
        const [acme] = infra.companies;
        const server = infra.servers[0];
        const mailVm = server.vms.find(vm => vm.name === 'mail')!;
        const ldapVm = server.vms.find(vm => vm.roles.some(r => r.role === 'ldap'))!;
        const maps = companyLdapMaps(infra, mailVm, acme);
        const postfix = acme.directory.serviceAccounts.find(a => a.name === 'postfix')!;
        expect(maps.map(m => m.kind)).toEqual(['mailboxes', 'forwards']);
        for (const map of maps) {
            expect(map.serverUrl).toBe(`ldap://${ldapVm.address}:389`);
            expect(map.bindDn).toBe(postfix.dn);
            expect(map.bindPassword).toBe(postfix.password);
            expect(map.domain).toBe('acme.example');
            expect(map.searchBase.endsWith(acme.directory.suffix)).toBe(true);
        }
        expect(maps[0]).toMatchObject({ searchBase: acme.directory.usersDn, queryFilter: MAILBOX_FILTER, resultAttribute: 'mail' });
        // Aliases and group lists resolve in one step to their final recipients.
        expect(maps[1]).toMatchObject({ searchBase: acme.directory.suffix, queryFilter: MAIL_FORWARD_FILTER, resultAttribute: 'rfc822MailMember' });
    });

    it('gives each hosted company its own files, and sender logins per company mailboxes first', async () => {
        const infra = await resolveExample('hosting');
        const mailVm = infra.servers[0].vms.find(vm => vm.name === 'mail')!;
        const all = mailLdapMaps(infra, mailVm, infra.companies, '/etc/pf');
        expect(new Set(all.maps.map(m => m.fileName)).size).toBe(6);
        expect(all.mailboxMaps).toEqual(['ldap:/etc/pf/ldap-wayne-mailboxes.cf', 'ldap:/etc/pf/ldap-globex-mailboxes.cf', 'ldap:/etc/pf/ldap-initech-mailboxes.cf']);
        expect(all.aliasMaps).toEqual(['ldap:/etc/pf/ldap-wayne-forwards.cf', 'ldap:/etc/pf/ldap-globex-forwards.cf', 'ldap:/etc/pf/ldap-initech-forwards.cf']);
        expect(all.senderLoginMaps.slice(0, 2)).toEqual(['ldap:/etc/pf/ldap-wayne-mailboxes.cf', 'ldap:/etc/pf/ldap-wayne-forwards.cf']);
        expect(all.senderLoginMaps).toHaveLength(6);
        // No company's map ever binds to another company's directory.
        for (const map of all.maps) {
            const company = infra.companies.find(c => c.name === map.company)!;
            expect(map.bindDn.endsWith(company.directory.suffix)).toBe(true);
        }
    });
});
