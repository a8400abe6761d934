import { describe, expect, it } from 'vitest';
import type { CompanyModel } from '../../src/model/infrastructure.js';
import { accessLevel, aclLines, allows, companyAcls, type AccessLevel } from '../../src/model/ldap-acls.js';
import { resolveExample } from '../support/generation.js';

/** The access decisions of slapd.conf, asked of the rules as slapd evaluates them. */
describe('ldap ACL decisions (acme)', async () => {
    const infra = await resolveExample('acme');
    const acme = infra.companies.find(c => c.name === 'acme') as CompanyModel;
    const rules = companyAcls(acme);
    const user = (name: string) => acme.users.find(u => u.name === name)!.dn;
    const account = (name: string) => acme.directory.serviceAccounts.find(a => a.name === name)!.dn;
    const alias = acme.aliases.find(a => a.address === 'sales@acme.example')!.dn;
    const group = acme.groups.find(g => g.name === 'staff')!.dn;
    const level = (requester: string | undefined, target: string, attribute: string): AccessLevel =>
        accessLevel(rules, { requester, target, attribute });

    it('lets users change their own password but not read or change anyone else\'s', () => {
        expect(level(user('alice'), user('alice'), 'userPassword')).toBe('write');
        expect(level(user('bob'), user('alice'), 'userPassword')).toBe('none');
    });

    it('lets anonymous clients bind and nothing more', () => {
        expect(level(undefined, user('alice'), 'userPassword')).toBe('auth');
        expect(level(undefined, user('alice'), 'mail')).toBe('none');
        expect(level(undefined, user('alice'), 'entry')).toBe('none');
        expect(level(undefined, acme.directory.suffix, 'entry')).toBe('none');
    });

    it('never shows a password hash to a service account', () => {
        for (const a of acme.directory.serviceAccounts) {
            expect(allows(level(a.dn, user('alice'), 'userPassword'), 'compare')).toBe(false);
            const other = a.name === 'postfix' ? account('dovecot') : account('postfix');
            expect(allows(level(a.dn, other, 'userPassword'), 'compare')).toBe(false);
        }
    });

    it('lets auth-bind accounts (dovecot, prosody) search and read users but not aliases', () => {
        expect(level(account('dovecot'), user('bob'), 'mail')).toBe('read');
        expect(level(account('dovecot'), user('bob'), 'cn')).toBe('read');
        expect(level(account('prosody'), user('bob'), 'uid')).toBe('read');
        expect(level(account('dovecot'), alias, 'rfc822MailMember')).toBe('none');
    });

    it('gives the mail lookup (postfix) the mail attributes of users, aliases and groups only', () => {
        expect(level(account('postfix'), user('bob'), 'mail')).toBe('read');
        expect(level(account('postfix'), user('bob'), 'entry')).toBe('read');
        expect(level(account('postfix'), user('bob'), 'telephoneNumber')).toBe('none');
        expect(level(account('postfix'), user('bob'), 'cn')).toBe('none');
        expect(level(account('postfix'), alias, 'rfc822MailMember')).toBe('read');
        expect(level(account('postfix'), group, 'rfc822MailMember')).toBe('read');
        expect(level(account('postfix'), group, 'description')).toBe('none');
    });

    it('lets user-search accounts (nextcloud, gitea, roundcube) read users and groups, not aliases', () => {
        for (const name of ['nextcloud', 'gitea', 'roundcube']) {
            expect(level(account(name), user('carol'), 'cn')).toBe('read');
            expect(level(account(name), group, 'member')).toBe('read');
            expect(level(account(name), group, 'description')).toBe('read');
            expect(level(account(name), alias, 'mail')).toBe('none');
        }
    });

    it('lets users read their own entry but not other users\' entries or the service accounts', () => {
        expect(level(user('bob'), user('bob'), 'mail')).toBe('read');
        expect(level(user('bob'), user('bob'), 'cn')).toBe('read');
        expect(level(user('bob'), user('alice'), 'mail')).toBe('none');
        expect(level(user('bob'), account('postfix'), 'uid')).toBe('none');
    });

    it('lets a replication account read everything, hashes included, when there is one', () => {
        const repl = `uid=replication,${acme.directory.systemDn}`;
        const withReplica = companyAcls(acme, [{ dn: repl }]);
        expect(accessLevel(withReplica, { requester: repl, target: user('alice'), attribute: 'userPassword' })).toBe('read');
        expect(accessLevel(withReplica, { requester: repl, target: alias, attribute: 'rfc822MailMember' })).toBe('read');
        expect(accessLevel(withReplica, { requester: repl, target: acme.directory.suffix, attribute: 'entryCSN' })).toBe('read');
        expect(level(repl, user('alice'), 'userPassword')).toBe('none');
    });

    it('prints the password rule first and ends every rule with "by * none"', () => {
        const lines = aclLines(rules);
        expect(lines[0]).toBe('access to attrs=userPassword\n    by self write\n    by anonymous auth\n    by * none');
        expect(lines.every(l => l.endsWith('by * none'))).toBe(true);
        expect(lines).toContain(`access to dn.subtree="${acme.directory.aliasesDn}"\n    by dn.exact="${account('postfix')}" read\n    by * none`);
    });
});
