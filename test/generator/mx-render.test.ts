import { describe, expect, it } from 'vitest';
import { renderMx } from '../../src/generator/roles/mx.js';
import type { RoleOutput } from '../../src/generator/guest-context.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import { debianProfile } from '../../src/platform/debian.js';
import type { PlatformProfile } from '../../src/platform/profile.js';
import { fixtureSecrets, resolveExample, roleFile } from '../support/generation.js';

async function renderExample(name: string, profile: PlatformProfile = netbsdProfile): Promise<RoleOutput> {
    const infra = await resolveExample(name);
    const server = infra.servers.find(s => s.vms.some(v => v.roles.some(r => r.role === 'mx')))!;
    const vm = server.vms.find(v => v.roles.some(r => r.role === 'mx'))!;
    return renderMx({ infra, server, vm, profile, secrets: fixtureSecrets(name) }, vm.roles.find(r => r.role === 'mx')!);
}

/** The value of a main.cf parameter. */
const param = (text: string, name: string): string | undefined => new RegExp(`^${name} = (.*)$`, 'm').exec(text)?.[1];

describe('mx main.cf: a relay for the company domains and nothing else', () => {
    it('relays only the hosted domains, each to the mail VM', async () => {
        const main = roleFile(await renderExample('hosting'), '/usr/pkg/etc/postfix/main.cf').content;
        expect(param(main, 'relay_domains')).toBe('globex.example, initech.example.org, wayne.example');
        expect(param(main, 'transport_maps')).toBe('inline:{ globex.example=smtp:[10.20.0.12]:25, initech.example.org=smtp:[10.20.0.12]:25, wayne.example=smtp:[10.20.0.12]:25 }');
        expect(param(main, 'mydestination')).toBe('$myhostname, localhost');
        expect(param(main, 'myhostname')).toBe('mx.wayne.example');
        expect(param(main, 'inet_protocols')).toBe('ipv4, ipv6');
    });

    it('is no open relay: only loopback is trusted, unauthorised destinations are refused, recipients verified', async () => {
        const main = roleFile(await renderExample('acme'), '/usr/pkg/etc/postfix/main.cf').content;
        expect(param(main, 'mynetworks')).toBe('127.0.0.0/8');
        expect(param(main, 'smtpd_relay_restrictions')).toBe('permit_mynetworks, reject_unauth_destination');
        expect(param(main, 'smtpd_recipient_restrictions')).toMatch(/reject_unauth_destination, reject_unverified_recipient$/);
        expect(main).not.toMatch(/permit_sasl_authenticated|smtpd_sasl_auth_enable = yes|mynetworks_style/);
        expect(param(main, 'message_size_limit')).toBe(String(25 * 1024 * 1024));
        expect(param(main, 'inet_protocols')).toBe('ipv4');
    });

    it('uses the VM certificate and pkgsrc paths from the profile', async () => {
        const main = roleFile(await renderExample('acme'), '/usr/pkg/etc/postfix/main.cf').content;
        expect(param(main, 'smtpd_tls_cert_file')).toBe('/etc/openssl/companykit/mx.acme.example.crt');
        expect(param(main, 'smtpd_tls_key_file')).toBe('/etc/openssl/companykit/mx.acme.example.key');
        expect(param(main, 'daemon_directory')).toBe('/usr/pkg/libexec/postfix');
        expect(param(main, 'setgid_group')).toBe('maildrop');
    });
});

describe('mx master.cf and SpamAssassin', () => {
    it('filters mail received on port 25 through spamc as an unprivileged user, re-injecting with sendmail', async () => {
        const output = await renderExample('acme');
        const master = roleFile(output, '/usr/pkg/etc/postfix/master.cf').content;
        expect(master).toMatch(/^smtp\s+inet\s+n\s+-\s+n\s+-\s+-\s+smtpd\n\s+-o content_filter=spamassassin:dummy$/m);
        expect(master).toMatch(/^spamassassin unix .* pipe\n\s+flags=Rq user=spamfilter null_sender=\n\s+argv=\/usr\/pkg\/bin\/spamc -d 127\.0\.0\.1 -p 783 -e \/usr\/pkg\/sbin\/sendmail -oi -f \$\{sender\} -- \$\{recipient\}$/m);
        // The re-injected copy goes through pickup: no second content_filter on any other service.
        expect(master.match(/content_filter/g)).toHaveLength(1);
        expect(output.provision).toContain('ensure_user spamfilter ');
        expect(output.provision).toContain('ensure_user spamd ');
        expect(output.provision).toContain("ensure_certificate /etc/openssl/companykit/mx.acme.example.crt /etc/openssl/companykit/mx.acme.example.key 'mx.acme.example'");
        expect(output.rcConf).toEqual(['spamd_flags="-u spamd --helper-home-dir=/var/spamassassin/spamd --nouser-config --allowed-ips=127.0.0.1 --listen=127.0.0.1:783"']);
    });

    it('on systemd (Debian) gives spamd the same options through /etc/default/spamd, not rc.conf', async () => {
        const output = await renderExample('acme', debianProfile);
        expect(output.rcConf).toEqual([]);
        expect(roleFile(output, '/etc/default/spamd').content).toMatch(
            /^OPTIONS="-u debian-spamd --helper-home-dir=\/var\/lib\/spamassassin --nouser-config --allowed-ips=127\.0\.0\.1 --listen=127\.0\.0\.1:783"$/m);
        expect(output.files.map(f => f.path)).not.toContain('/etc/mailer.conf');
    });

    it('writes local.cf with the spam threshold, tagging only', async () => {
        const local = roleFile(await renderExample('acme'), '/usr/pkg/etc/spamassassin/local.cf').content;
        expect(local).toMatch(/^required_score 5\.0$/m);
        expect(local).toMatch(/^report_safe 0$/m);
        expect(local).not.toMatch(/One threshold serves/);
    });

    it('points the system at the packaged Postfix', async () => {
        const output = await renderExample('acme');
        expect(roleFile(output, '/etc/mailer.conf').content).toMatch(/^sendmail\t\/usr\/pkg\/sbin\/sendmail$/m);
        expect(roleFile(output, '/etc/rc.conf.d/postfix').content).toMatch(/^postfix_command=\/usr\/pkg\/sbin\/postfix$/m);
    });
});
