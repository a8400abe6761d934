import { describe, expect, it } from 'vitest';
import { renderDns } from '../../src/generator/roles/dns.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import { exampleRun, fileOf } from './ldap-support.js';

/* named-checkconf -z and named-checkzone on the real Debian tree: test/configs (npm run test:configs). */

const NAMED_CONF = netbsdProfile.dns.namedConf;

describe('dns role on acme', async () => {
    const acme = await exampleRun('acme');
    const output = acme.render('hv1.auth', 'dns', renderDns);
    const conf = fileOf(output, NAMED_CONF);
    const zone = fileOf(output, '/var/named/primary/acme.example.zone').content;

    it('serves the company zone as primary, recursion for the guest network only', () => {
        expect(conf.content).toContain('zone "acme.example" {\n    type primary;\n    file "/var/named/primary/acme.example.zone";\n    notify no;\n};');
        expect(conf.content).toContain('allow-recursion {\n        localhost;\n        10.0.0.0/24;\n    };');
        expect(conf.content).toContain('allow-transfer { none; };');
        expect(conf.content).toContain('dnssec-validation auto;');
        expect(conf.content).toContain('version none;');
        expect(conf).toMatchObject({ mode: 0o640, group: 'named' });
    });

    it('runs named unprivileged', () => {
        expect(output.rcConf).toEqual(['named_flags="-u named"']);
        expect(output.provision).toContain(`chown 'named:named' '/var/named' '/var/named/secondary' '/var/run/named'`);
    });

    it('publishes ns1, the public names, mail and its policies', () => {
        expect(zone).toMatch(/^@\tIN\tSOA\tns1\.acme\.example\. postmaster\.acme\.example\. \d+ 3600 900 1209600 300$/m);
        expect(zone).toContain('@\tIN\tNS\tns1.acme.example.\n');
        expect(zone).toContain('ns1\tIN\tA\t203.0.113.10\n');
        for (const label of ['@', 'www', 'webmail', 'cloud', 'git', 'meet', 'autoconfig', 'mta-sts', 'mail', 'mx']) {
            expect(zone).toContain(`\n${label}\tIN\tA\t203.0.113.10\n`);
        }
        expect(zone).toContain('@\tIN\tMX\t10 mx.acme.example.\n');
        expect(zone).toContain('@\tIN\tTXT\t"v=spf1 mx -all"\n');
        expect(zone).toContain('_dmarc\tIN\tTXT\t"v=DMARC1; p=quarantine; rua=mailto:');
        expect(zone).toMatch(/_mta-sts\tIN\tTXT\t"v=STSv1; id=[0-9a-f]{20}"/);
        expect(zone).toContain('_smtp._tls\tIN\tTXT\t"v=TLSRPTv1; rua=mailto:');
        expect(zone).toContain('_submission._tcp\tIN\tSRV\t0 1 587 mail.acme.example.\n');
        expect(zone).toContain('_imaps._tcp\tIN\tSRV\t0 1 993 mail.acme.example.\n');
        expect(zone).toContain('_imap._tcp\tIN\tSRV\t0 0 0 .\n');
        expect(zone).toContain('_caldavs._tcp\tIN\tSRV\t0 1 443 cloud.acme.example.\n');
        expect(zone).toContain('_carddavs._tcp\tIN\tSRV\t0 1 443 cloud.acme.example.\n');
        expect(zone).not.toContain('AAAA');
    });

    it('publishes the DKIM key under the company selector, split into 255-byte strings', () => {
        const line = zone.split('\n').find(l => l.startsWith('mail2026._domainkey\tIN\tTXT\t'))!;
        const strings = [...line.matchAll(/"([^"]*)"/g)].map(m => m[1]);
        expect(strings.length).toBeGreaterThan(1);
        expect(strings.every(s => s.length <= 255)).toBe(true);
        expect(strings.join('')).toBe(acme.infra.companies[0].mail.dkimTxt);
    });
});

describe('dns role on hosting (three zones, IPv6)', async () => {
    const hosting = await exampleRun('hosting');
    const output = hosting.render('shared1.auth', 'dns', renderDns);
    const conf = fileOf(output, NAMED_CONF).content;

    it('writes one primary zone per company', () => {
        for (const domain of ['wayne.example', 'globex.example', 'initech.example.org']) {
            expect(conf).toContain(`zone "${domain}" {\n    type primary;`);
            fileOf(output, `/var/named/primary/${domain}.zone`);
        }
    });

    it('adds AAAA records without the prefix length', () => {
        const zone = fileOf(output, '/var/named/primary/wayne.example.zone').content;
        expect(zone).toContain('ns1\tIN\tAAAA\t2001:db8:20::1\n');
        expect(zone).not.toContain('/64');
    });

    it('offers CalDAV only to the companies with a cloud', () => {
        expect(fileOf(output, '/var/named/primary/wayne.example.zone').content).toContain('_caldavs._tcp');
        expect(fileOf(output, '/var/named/primary/globex.example.zone').content).not.toContain('_caldavs._tcp');
    });
});

describe('dns secondary (two-servers)', async () => {
    const two = await exampleRun('two-servers');
    const primary = two.render('north.auth', 'dns', renderDns);
    const secondary = two.render('south.auth2', 'dns', renderDns);
    const primaryConf = fileOf(primary, NAMED_CONF).content;
    const secondaryConf = fileOf(secondary, NAMED_CONF).content;

    it('notifies and allows transfers to the secondary through the public addresses, signed', () => {
        expect(primaryConf).toContain('also-notify {\n        192.0.2.77 key "xfr-umbrella-south-auth2";\n    };');
        expect(primaryConf).toContain('allow-transfer {\n        key "xfr-umbrella-south-auth2";\n    };');
        expect(secondaryConf).toContain('zone "umbrella.example" {\n    type secondary;\n    file "/var/named/secondary/umbrella.example.zone";\n    primaries {\n        192.0.2.10 key "xfr-umbrella-south-auth2";\n    };');
        const key = /key "xfr-umbrella-south-auth2" \{\n    algorithm hmac-sha256;\n    secret "([^"]+)";/;
        expect(key.exec(primaryConf)?.[1]).toBe(key.exec(secondaryConf)?.[1]);
        expect(Buffer.from(key.exec(primaryConf)![1], 'base64')).toHaveLength(32);
    });

    it('lists the secondary as ns2 and writes no zone file on it', () => {
        const zone = fileOf(primary, '/var/named/primary/umbrella.example.zone').content;
        expect(zone).toContain('@\tIN\tNS\tns2.umbrella.example.\n');
        expect(zone).toContain('ns2\tIN\tA\t192.0.2.77\n');
        expect(secondary.files.map(f => f.path)).toEqual([NAMED_CONF]);
    });
});
