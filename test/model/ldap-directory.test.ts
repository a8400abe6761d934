import { describe, expect, it } from 'vitest';
import type { CompanyModel } from '../../src/model/infrastructure.js';
import { directoryEntries } from '../../src/model/ldap-directory.js';
import { replicationAccount } from '../../src/model/ldap-replication.js';
import { GROUP, MAIL_ALIAS, SCHEMAS } from '../../src/model/ldap-schema.js';
import { SecretStore } from '../../src/model/secrets.js';
import { resolveExample } from '../support/generation.js';

describe('directory entries (acme)', async () => {
    const acme = (await resolveExample('acme')).companies[0] as CompanyModel;
    const entries = directoryEntries(acme);
    const entry = (dn: string) => entries.find(e => e.dn === dn)!;
    const values = (dn: string, attribute: string) => entry(dn).attributes.filter(([a]) => a === attribute).map(([, v]) => v);

    it('puts every parent before its children', () => {
        const order = entries.map(e => e.dn);
        for (const [index, dn] of order.entries()) {
            const parent = dn.slice(dn.indexOf(',') + 1);
            if (dn !== acme.directory.suffix) {
                expect(order.indexOf(parent)).toBeGreaterThanOrEqual(0);
                expect(order.indexOf(parent)).toBeLessThan(index);
            }
        }
    });

    it('makes each group a list: member DNs and the members\' addresses', () => {
        const staff = acme.groups.find(g => g.name === 'staff')!;
        expect(values(staff.dn, 'objectClass')).toEqual([...GROUP.objectClasses]);
        expect(values(staff.dn, GROUP.memberAttribute)).toEqual(staff.members.map(m => acme.users.find(u => u.name === m)!.dn));
        expect(values(staff.dn, GROUP.recipientAttribute)).toEqual(staff.memberEmails);
        expect(values(staff.dn, GROUP.addressAttribute)).toEqual([staff.email]);
    });

    it('gives a group without members the rootdn as its only member, and no recipients', () => {
        const lonely: CompanyModel = { ...acme, groups: [{ ...acme.groups[0], members: [], memberEmails: [] }] };
        const group = directoryEntries(lonely).find(e => e.dn === acme.groups[0].dn)!;
        expect(group.attributes.filter(([a]) => a === 'member')).toEqual([['member', acme.directory.adminDn]]);
        expect(group.attributes.some(([a]) => a === GROUP.recipientAttribute)).toBe(false);
    });

    it('writes aliases with their final recipients, keyed by mail', () => {
        const info = acme.aliases.find(a => a.address === 'info@acme.example')!;
        expect(values(info.dn, MAIL_ALIAS.addressAttribute)).toEqual(['info@acme.example']);
        expect(values(info.dn, MAIL_ALIAS.recipientAttribute)).toEqual(info.recipients);
    });

    it('adds the replication account only when asked', () => {
        const account = replicationAccount(acme, new SecretStore());
        expect(entries.some(e => e.dn === account.dn)).toBe(false);
        const withReplica = directoryEntries(acme, account);
        expect(withReplica.find(e => e.dn === account.dn)!.attributes).toContainEqual(['userPassword', account.passwordHash]);
    });

    it('uses only schemas that both pkgsrc and Debian ship', () => {
        expect([...SCHEMAS]).toEqual(['core', 'cosine', 'inetorgperson', 'nis', 'misc']);
    });
});
