import { describe, expect, it } from 'vitest';
import { renderMail } from '../../src/generator/roles/mail.js';
import type { RoleOutput } from '../../src/generator/guest-context.js';
import type { Infrastructure } from '../../src/model/infrastructure.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import { fixtureSecrets, resolveExample, roleFile } from '../support/generation.js';

async function renderExample(name: string): Promise<{ output: RoleOutput, infra: Infrastructure }> {
    const infra = await resolveExample(name);
    const server = infra.servers.find(s => s.vms.some(v => v.roles.some(r => r.role === 'mail')))!;
    const vm = server.vms.find(v => v.roles.some(r => r.role === 'mail'))!;
    return { infra, output: renderMail({ infra, server, vm, profile: netbsdProfile, secrets: fixtureSecrets(name) }, vm.roles.find(r => r.role === 'mail')!) };
}

const param = (text: string, name: string): string | undefined => new RegExp(`^${name} = (.*)$`, 'm').exec(text)?.[1];
const PF = '/usr/pkg/etc/postfix';

describe('mail VM Postfix', () => {
    it('is the final destination of the hosted domains, with LDAP maps and LMTP to Dovecot', async () => {
        const { output } = await renderExample('hosting');
        const main = roleFile(output, `${PF}/main.cf`).content;
        expect(param(main, 'virtual_mailbox_domains')).toBe('globex.example, initech.example.org, wayne.example');
        expect(param(main, 'virtual_transport')).toBe('lmtp:unix:private/dovecot-lmtp');
        expect(param(main, 'virtual_mailbox_maps')).toBe(['wayne', 'globex', 'initech'].map(c => `ldap:${PF}/ldap-${c}-mailboxes.cf`).join(', '));
        expect(param(main, 'virtual_alias_maps')).toBe(['wayne', 'globex', 'initech'].map(c => `ldap:${PF}/ldap-${c}-forwards.cf`).join(', '));
        expect(param(main, 'smtpd_sender_login_maps')).toContain(`ldap:${PF}/ldap-globex-mailboxes.cf, ldap:${PF}/ldap-globex-forwards.cf`);
        expect(param(main, 'mynetworks')).toBe('127.0.0.0/8, 10.20.0.11/32');
        expect(param(main, 'smtpd_milters')).toBe('inet:127.0.0.1:8891');
        expect(param(main, 'smtpd_recipient_restrictions')).toBe('permit_mynetworks, reject_unauth_destination');
    });

    it('requires TLS, a Dovecot SASL login and an owned sender address on submission', async () => {
        const { output } = await renderExample('acme');
        const master = roleFile(output, `${PF}/master.cf`).content;
        const submission = /^submission inet .*\n((?:\s+-o .*\n)+)/m.exec(master)?.[1] ?? '';
        for (const option of [
            'smtpd_tls_security_level=encrypt', 'smtpd_sasl_auth_enable=yes', 'smtpd_sasl_type=dovecot', 'smtpd_sasl_path=private/auth',
            'smtpd_recipient_restrictions=permit_sasl_authenticated,reject', 'smtpd_sender_restrictions=reject_sender_login_mismatch'
        ]) {
            expect(submission).toContain(`-o ${option}\n`);
        }
        // SASL is offered nowhere else.
        expect(param(roleFile(output, `${PF}/main.cf`).content, 'smtpd_sasl_auth_enable')).toBe('no');
    });

    it('writes the LDAP maps with the postfix bind password, 0640 group postfix', async () => {
        const { output, infra } = await renderExample('acme');
        const map = roleFile(output, `${PF}/ldap-acme-forwards.cf`);
        const account = infra.companies[0].directory.serviceAccounts.find(a => a.name === 'postfix')!;
        expect(map.mode).toBe(0o640);
        expect(map.group).toBe('postfix');
        expect(param(map.content, 'server_host')).toBe('ldap://10.0.0.10:389');
        expect(param(map.content, 'bind_dn')).toBe(account.dn);
        expect(param(map.content, 'bind_pw')).toBe(account.password);
        expect(param(map.content, 'domain')).toBe('acme.example');
        expect(param(map.content, 'result_attribute')).toBe('rfc822MailMember');
    });
});

describe('mail VM Dovecot', () => {
    it('has one LDAP passdb per company, a quota userdb, and the Postfix sockets in its queue', async () => {
        const { output } = await renderExample('hosting');
        const conf = roleFile(output, '/usr/pkg/etc/dovecot/dovecot.conf').content;
        for (const [company, domain] of [['wayne', 'wayne.example'], ['globex', 'globex.example'], ['initech', 'initech.example.org']]) {
            expect(conf).toContain(`passdb {\n  driver = ldap\n  args = /usr/pkg/etc/dovecot/ldap-${company}.conf.ext\n  username_filter = *@${domain}\n}`);
            const args = roleFile(output, `/usr/pkg/etc/dovecot/ldap-${company}.conf.ext`);
            expect(args.mode).toBe(0o640);
            expect(args.group).toBe('dovecot');
            expect(args.content).toMatch(/^auth_bind = yes$/m);
        }
        expect(conf).toMatch(/^ssl = required$/m);
        expect(conf).toMatch(/^ssl_cert = <\/etc\/openssl\/companykit\/mail\.wayne\.example\.crt$/m);
        expect(conf).toContain('unix_listener /var/spool/postfix/private/dovecot-lmtp {');
        expect(conf).toContain('unix_listener /var/spool/postfix/private/auth {\n    mode = 0660\n    user = postfix\n    group = postfix');
        expect(conf).toMatch(/^protocols = imap lmtp$/m);
        expect(conf).toContain('protocol lmtp {\n  mail_plugins = $mail_plugins sieve');
        expect(roleFile(output, '/usr/pkg/etc/dovecot/users').content).toContain('milton@initech.example.org:::::::userdb_quota_rule=*:bytes=1073741824\n');
    });
});

describe('mail VM OpenDKIM', () => {
    it('lists every company in the KeyTable and SigningTable, with a 0600 key owned by opendkim', async () => {
        const { output, infra } = await renderExample('hosting');
        const keyTable = roleFile(output, '/usr/pkg/etc/opendkim/KeyTable').content;
        const signingTable = roleFile(output, '/usr/pkg/etc/opendkim/SigningTable').content;
        for (const company of infra.companies) {
            const keyPath = `/usr/pkg/etc/opendkim/keys/${company.domain}/${company.mail.dkimSelector}.private`;
            expect(keyTable).toContain(`${company.mail.dkimSelector}._domainkey.${company.domain} ${company.domain}:${company.mail.dkimSelector}:${keyPath}\n`);
            expect(signingTable).toContain(`*@${company.domain} ${company.mail.dkimSelector}._domainkey.${company.domain}\n`);
            const key = roleFile(output, keyPath);
            expect(key).toMatchObject({ mode: 0o600, owner: 'opendkim', group: 'opendkim', content: company.mail.dkimPrivateKeyPem });
        }
        const conf = roleFile(output, '/usr/pkg/etc/opendkim.conf').content;
        expect(conf).toMatch(/^Socket\s+inet:8891@127\.0\.0\.1$/m);
        expect(conf).toMatch(/^MTA\s+ORIGINATING$/m);
    });

    it('provisions the vmail store, the key directories and the certificate (the key file\'s owner is the guest base\'s)', async () => {
        const { output } = await renderExample('acme');
        expect(output.provision).toContain('ensure_user vmail /var/vmail\n');
        expect(output.provision).toContain('ensure_dir /usr/pkg/etc/opendkim/keys/acme.example opendkim:opendkim 0700\n');
        expect(output.provision).toContain("ensure_certificate /etc/openssl/companykit/mail.acme.example.crt /etc/openssl/companykit/mail.acme.example.key 'mail.acme.example'");
    });
});
