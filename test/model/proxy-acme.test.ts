import { describe, expect, it } from 'vitest';
import { mtaStsPolicy } from '../../src/model/mta-sts-policy.js';
import { ACME_CA_URL, acmeCertificates, acmeContact, renewalTime } from '../../src/model/proxy-acme.js';
import {
    autoconfigFor
} from '../../src/model/proxy-mail-discovery.js';
import { resolveExample } from '../support/generation.js';

describe('ACME certificates', async () => {
    const hosting = await resolveExample('hosting');
    const acme = await resolveExample('acme');

    it('asks for every web name plus mail and mx, per company', () => {
        const names = acmeCertificates(acme.companies).map(c => c.fqdn);
        expect(names).toEqual([
            'acme.example', 'www.acme.example', 'webmail.acme.example', 'cloud.acme.example', 'git.acme.example',
            'meet.acme.example', 'autoconfig.acme.example', 'mta-sts.acme.example', 'mail.acme.example', 'mx.acme.example'
        ]);
        expect(acmeCertificates(acme.companies).filter(c => !c.servedByProxy).map(c => c.fqdn)).toEqual(['mail.acme.example', 'mx.acme.example']);
    });

    it('covers every company of a shared proxy', () => {
        const companies = new Set(acmeCertificates(hosting.companies).map(c => c.company));
        expect([...companies]).toEqual(['wayne', 'globex', 'initech']);
        expect(acmeCertificates(hosting.companies).map(c => c.fqdn)).toContain('mta-sts.initech.example.org');
    });

    it('registers with the first company report address at Let\'s Encrypt', () => {
        expect(acmeContact(acme.companies)).toBe(acme.companies[0]!.mail.reportAddress);
        expect(acmeContact(acme.companies)).toMatch(/@acme\.example$/);
        expect(ACME_CA_URL).toBe('https://acme-v02.api.letsencrypt.org/directory');
        expect(() => acmeContact([])).toThrow(/no company/);
    });

    it('renews at a fixed night time per proxy, spread by host', () => {
        const time = renewalTime('hv1.rproxy');
        expect(renewalTime('hv1.rproxy')).toEqual(time);
        const times = ['a.rproxy', 'b.rproxy', 'c.rproxy', 'd.rproxy', 'e.rproxy'].map(renewalTime);
        for (const t of [time, ...times]) {
            expect(t.hour).toBeGreaterThanOrEqual(2);
            expect(t.hour).toBeLessThanOrEqual(5);
            expect(t.minute).toBeGreaterThanOrEqual(0);
            expect(t.minute).toBeLessThan(60);
        }
        expect(new Set(times.map(t => `${t.hour}:${t.minute}`)).size).toBeGreaterThan(1);
    });
});

describe('mail discovery documents', async () => {
    const infra = await resolveExample('acme');
    const acme = infra.companies[0]!;

    it('points mail clients at IMAPS 993 and submission 587 on mail.<domain>', () => {
        expect(autoconfigFor(acme)).toEqual({
            domain: 'acme.example',
            displayName: 'ACME, Inc.',
            imap: { hostname: 'mail.acme.example', port: 993, socketType: 'SSL' },
            smtp: { hostname: 'mail.acme.example', port: 587, socketType: 'STARTTLS' }
        });
    });

    it('publishes an MTA-STS policy in testing mode for mx.<domain>, with an id from its text', () => {
        const policy = mtaStsPolicy(acme);
        expect(policy).toMatchObject({ mode: 'testing', mx: ['mx.acme.example'], maxAgeSeconds: 86400 });
        expect(policy.text).toBe('version: STSv1\r\nmode: testing\r\nmx: mx.acme.example\r\nmax_age: 86400\r\n');
        expect(policy.id).toMatch(/^[a-zA-Z0-9]{1,32}$/);
    });
});
