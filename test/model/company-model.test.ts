import { describe, expect, it } from 'vitest';
import { resolveInfrastructure } from '../../src/model/resolve.js';
import { SecretStore } from '../../src/model/secrets.js';
import { ldapSuffix } from '../../src/model/directory.js';
import { splitName } from '../../src/model/company-model.js';
import { resolveExample } from '../support/generation.js';
import { parseSpec } from '../support/services.js';

const companyOf = async (name: string, company: string) => (await resolveExample(name)).companies.find(c => c.name === company)!;

async function resolveText(text: string, store = new SecretStore()) {
    const document = await parseSpec(text);
    const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
    expect(errors.map(e => e.message)).toEqual([]);
    return resolveInfrastructure([document.parseResult.value], store);
}

const SMALL = `
company acme { domain acme.example
    user zed "Zed" { groups staff }
    user amy "Amy Pond" { admin }
    group staff
    services webmail }
server hv { public 203.0.113.10 }`;

describe('company model', () => {
    it('applies the documented defaults', async () => {
        const acme = (await resolveText(SMALL)).companies[0];
        expect(acme.displayName).toBe('acme');
        expect(acme.timezone).toBe('UTC');
        expect(acme.locale).toBe('en_US');
        expect(acme.mail.maxMessageSizeBytes).toBe(20 * 1024 * 1024);
        expect(acme.mail.spamThreshold).toBe(5);
        expect(acme.mail.dkimSelector).toBe('mail');
        expect(acme.services.webmail).toEqual({ hostname: 'webmail', fqdn: 'webmail.acme.example', productName: 'acme Webmail' });
    });

    it('reads what the example writes', async () => {
        const acme = await companyOf('acme', 'acme');
        expect(acme).toMatchObject({ displayName: 'ACME, Inc.', timezone: 'Europe/Berlin', server: 'hv1' });
        expect(acme.mail).toMatchObject({ maxMessageSizeBytes: 25 * 1024 * 1024, dkimSelector: 'mail2026', reportAddress: 'postmaster@acme.example' });
        expect(acme.services.git).toMatchObject({ registration: 'closed', sshPort: 2222 });
        expect(acme.services.meet).toMatchObject({ lobby: true, guests: true });
        expect(acme.services.cloud?.quotaBytes).toBe(10 * 1024 ** 3);
    });

    it('builds the LDAP suffix from every label of the domain', () => {
        expect(ldapSuffix('acme.example')).toBe('dc=acme,dc=example');
        expect(ldapSuffix('initech.example.org')).toBe('dc=initech,dc=example,dc=org');
    });

    it('names every entry under the company suffix', async () => {
        const initech = await companyOf('hosting', 'initech');
        expect(initech.directory.suffix).toBe('dc=initech,dc=example,dc=org');
        expect(initech.directory.adminDn).toBe('cn=admin,dc=initech,dc=example,dc=org');
        expect(initech.users.map(u => u.dn)).toEqual(['uid=peter,ou=people,dc=initech,dc=example,dc=org', 'uid=milton,ou=people,dc=initech,dc=example,dc=org']);
    });

    it('gives service accounts only to the daemons of the services in use', async () => {
        expect((await companyOf('hosting', 'initech')).directory.serviceAccounts.map(a => a.name)).toEqual(['postfix', 'dovecot', 'roundcube']);
        expect((await companyOf('acme', 'acme')).directory.serviceAccounts.map(a => a.name))
            .toEqual(['postfix', 'dovecot', 'roundcube', 'nextcloud', 'gitea', 'prosody']);
    });

    it('keeps a written password hash and hashes a generated password otherwise', async () => {
        const acme = await companyOf('acme', 'acme');
        const carol = acme.users.find(u => u.name === 'carol')!;
        expect(carol).toMatchObject({ passwordHash: '{SSHA}W6ph5Mm5Pz8GgiULbPgzG37mj9g2bXRx', generatedPassword: false });
        const alice = acme.users.find(u => u.name === 'alice')!;
        expect(alice.generatedPassword).toBe(true);
        expect(alice.passwordHash).toMatch(/^\{SSHA\}/);
    });

    it('uses the email local part and the user aliases', async () => {
        const acme = await companyOf('acme', 'acme');
        expect(acme.users.find(u => u.name === 'bob')!.email).toBe('bob.martin@acme.example');
        expect(acme.users.find(u => u.name === 'alice')!.aliasAddresses).toEqual(['postmaster@acme.example', 'abuse@acme.example', 'hostmaster@acme.example']);
        expect(acme.users.find(u => u.name === 'alice')!.quotaBytes).toBe(20 * 1024 ** 3);
    });

    it('closes group membership over includes', async () => {
        const acme = await companyOf('acme', 'acme');
        expect(acme.groups.find(g => g.name === 'staff')!.members).toEqual(['alice', 'bob', 'carol']);
        expect(acme.users.find(u => u.name === 'alice')!.groups).toEqual(['admins', 'staff']);
        expect(acme.groups.find(g => g.name === 'staff')!.memberEmails).toContain('bob.martin@acme.example');
    });

    it('expands aliases through aliases, groups and outside addresses', async () => {
        const acme = await companyOf('acme', 'acme');
        const info = acme.aliases.find(a => a.address === 'info@acme.example')!;
        expect(info.recipients).toEqual(['alice@acme.example', 'bob.martin@acme.example', 'frontdesk@partner.example']);
        expect(acme.aliases.find(a => a.address === 'dev@acme.example')!.recipients).toEqual(['bob.martin@acme.example', 'carol@acme.example']);
        expect(acme.aliases.find(a => a.address === 'postmaster@acme.example')).toMatchObject({ kind: 'user-alias', recipients: ['alice@acme.example'] });
    });

    it('sends reports to the first admin when nobody receives postmaster', async () => {
        const acme = (await resolveText(SMALL)).companies[0];
        expect(acme.mail.reportAddress).toBe('amy@acme.example');
    });

    it('splits full names for inetOrgPerson', () => {
        expect(splitName('Alice Liddell')).toEqual({ givenName: 'Alice', surname: 'Liddell' });
        expect(splitName('Mary Jane Watson')).toEqual({ givenName: 'Mary Jane', surname: 'Watson' });
        expect(splitName('Zed')).toEqual({ givenName: 'Zed', surname: 'Zed' });
    });

    it('lists the public names with the VM behind each', async () => {
        const acme = await companyOf('acme', 'acme');
        expect(acme.publicNames.map(n => `${n.fqdn}>${n.backend}`)).toEqual([
            'acme.example>hv1.www', 'www.acme.example>hv1.www', 'webmail.acme.example>hv1.webmail', 'cloud.acme.example>hv1.cloud',
            'git.acme.example>hv1.git', 'meet.acme.example>hv1.meet', 'autoconfig.acme.example>hv1.rproxy', 'mta-sts.acme.example>hv1.rproxy',
            'mail.acme.example>hv1.mail', 'mx.acme.example>hv1.mx'
        ]);
        const initech = await companyOf('hosting', 'initech');
        expect(initech.publicNames.map(n => n.label)).toEqual(['webmail', 'autoconfig', 'mta-sts', 'mail', 'mx']);
    });
});

describe('stable numbering', () => {
    it('hands out uids in source order and keeps them when a user is added before the others', async () => {
        const store = new SecretStore();
        const first = await resolveText(SMALL, store);
        expect(first.companies[0].users.map(u => [u.name, u.uidNumber])).toEqual([['zed', 10000], ['amy', 10001]]);
        const grown = await resolveText(SMALL.replace('user zed', 'user bea "Bea" {}\n    user zed'), new SecretStore(store.snapshot()));
        expect(grown.companies[0].users.map(u => [u.name, u.uidNumber])).toEqual([['bea', 10002], ['zed', 10000], ['amy', 10001]]);
    });

    it('gives each company its own users group and unique uids across companies', async () => {
        const infra = await resolveExample('hosting');
        const gids = infra.companies.map(c => c.users[0].gidNumber);
        expect(new Set(gids).size).toBe(3);
        const uids = infra.companies.flatMap(c => c.users.map(u => u.uidNumber));
        expect(new Set(uids).size).toBe(uids.length);
    });
});
