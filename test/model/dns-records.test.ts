import { describe, expect, it } from 'vitest';
import { companyZone, mailboxName, stripPrefix, txtData, zoneRecords } from '../../src/model/dns-records.js';
import { mtaStsPolicy } from '../../src/model/mta-sts-policy.js';
import type { CompanyModel, Infrastructure, ServerModel } from '../../src/model/infrastructure.js';
import { SecretStore } from '../../src/model/secrets.js';
import { resolveExample } from '../support/generation.js';

describe('zone file text helpers', () => {
    it('splits long TXT values into 255-byte strings', () => {
        const data = txtData('x'.repeat(600));
        expect(data).toBe(`"${'x'.repeat(255)}" "${'x'.repeat(255)}" "${'x'.repeat(90)}"`);
    });

    it('escapes quotes, backslashes and non-ASCII bytes inside TXT strings', () => {
        expect(txtData('a"b\\c')).toBe('"a\\"b\\\\c"');
        expect(txtData('é')).toBe('"\\195\\169"');
        expect(txtData('')).toBe('""');
    });

    it('writes the SOA mailbox with dots of the local part escaped', () => {
        expect(mailboxName('postmaster@acme.example')).toBe('postmaster.acme.example.');
        expect(mailboxName('host.master@acme.example')).toBe('host\\.master.acme.example.');
    });

    it('strips the prefix length of an IPv6 address', () => {
        expect(stripPrefix('2001:db8:20::1/64')).toBe('2001:db8:20::1');
        expect(stripPrefix('192.0.2.1')).toBe('192.0.2.1');
    });
});

describe('company zone records', async () => {
    const infra: Infrastructure = await resolveExample('acme');
    const acme = infra.companies[0] as CompanyModel;
    const server = infra.servers[0] as ServerModel;
    const ns = [{ label: 'ns1', ipv4: server.publicIpv4 }];

    it('points every public name at the company server', () => {
        const records = zoneRecords(acme, server, ns);
        const a = records.filter(r => r.type === 'A');
        expect(a.map(r => r.name)).toEqual(['ns1', ...acme.publicNames.map(n => n.label)]);
        expect(new Set(a.map(r => r.data))).toEqual(new Set([server.publicIpv4]));
    });

    it('announces the MTA-STS policy by an id derived from the policy', () => {
        const policy = mtaStsPolicy(acme);
        expect(policy.text).toBe('version: STSv1\r\nmode: testing\r\nmx: mx.acme.example\r\nmax_age: 86400\r\n');
        expect(zoneRecords(acme, server, ns)).toContainEqual({ name: '_mta-sts', type: 'TXT', data: `"v=STSv1; id=${policy.id}"` });
    });

    it('gives the same serial to the same records, and a higher one to changed records', () => {
        const secrets = new SecretStore();
        const first = companyZone(acme, server, ns, secrets).serial;
        expect(companyZone(acme, server, ns, secrets).serial).toBe(first);
        const moved = companyZone(acme, { ...server, publicIpv4: '198.51.100.99' }, ns, secrets).serial;
        expect(moved).toBeGreaterThan(first);
        expect(companyZone(acme, server, [...ns, { label: 'ns2', ipv4: '192.0.2.2' }], secrets).serial).toBeGreaterThan(moved);
    });

    it('starts the zone with an SOA carrying that serial and the primary as MNAME', () => {
        const zone = companyZone(acme, server, ns, new SecretStore());
        expect(zone.records[0]).toEqual({ name: '@', type: 'SOA', data: `ns1.acme.example. postmaster.acme.example. ${zone.serial} 3600 900 1209600 300` });
        expect(zone.origin).toBe('acme.example.');
    });

    it('refuses a zone without a name server', () => {
        expect(() => companyZone(acme, server, [], new SecretStore())).toThrow(/no name server/);
    });
});
