import { describe, expect, it } from 'vitest';
import { dovecotPassdb, dovecotUsers, passwdFileLine } from '../../src/model/mail-dovecot.js';
import { resolveExample } from '../support/generation.js';

describe('Dovecot passdbs: one per company, filtered by domain', () => {
    it('checks a login only against its own company, binding as the user via the dovecot account', async () => {
        const infra = await resolveExample('hosting');
        const mailVm = infra.servers[0].vms.find(vm => vm.name === 'mail')!;
        const passdbs = infra.companies.map(c => dovecotPassdb(infra, mailVm, c));
        expect(passdbs.map(p => p.usernameFilter)).toEqual(['*@wayne.example', '*@globex.example', '*@initech.example.org']);
        expect(new Set(passdbs.map(p => p.argsFile)).size).toBe(3);
        const [wayne] = infra.companies;
        expect(passdbs[0]).toMatchObject({
            hosts: '10.20.0.10:389',
            dn: `uid=dovecot,ou=system,${wayne.directory.suffix}`,
            base: wayne.directory.usersDn,
            passFilter: '(&(objectClass=inetOrgPerson)(mail=%u))'
        });
        expect(passdbs[0].dnpass).toBe(wayne.directory.serviceAccounts.find(a => a.name === 'dovecot')!.password);
    });
});

describe('Dovecot userdb: the mailboxes and their quotas', () => {
    it('lists every user by address, with the quota only where the spec sets one', async () => {
        const infra = await resolveExample('acme');
        const users = dovecotUsers(infra.companies);
        expect(users.map(u => u.login)).toEqual(['alice@acme.example', 'bob.martin@acme.example', 'carol@acme.example']);
        expect(users[0].quotaRule).toBe(`*:bytes=${20 * 1024 ** 3}`);
        expect(users[1].quotaRule).toBeUndefined();
    });

    it('writes passwd-file lines with the quota as a userdb extra field', () => {
        expect(passwdFileLine({ login: 'a@x.example', quotaRule: '*:bytes=5' })).toBe('a@x.example:::::::userdb_quota_rule=*:bytes=5');
        expect(passwdFileLine({ login: 'b@x.example' })).toBe('b@x.example:::::::');
    });
});
