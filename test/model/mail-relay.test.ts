import { describe, expect, it } from 'vitest';
import { mxPlan, smtpNexthop, spamThreshold } from '../../src/model/mail-relay.js';
import type { CompanyModel } from '../../src/model/infrastructure.js';
import { resolveExample } from '../support/generation.js';

const withThreshold = (company: CompanyModel, threshold: number): CompanyModel => ({ ...company, mail: { ...company.mail, spamThreshold: threshold } });

describe('mxPlan: what the frontal MX relays, and where', () => {
    it('acme relays its own domain only, to the mail VM on port 25 without MX lookup', async () => {
        const infra = await resolveExample('acme');
        const server = infra.servers[0];
        const plan = mxPlan(infra, server, infra.companies);
        const mailVm = server.vms.find(vm => vm.roles.some(r => r.role === 'mail'))!;
        expect(plan.relayDomains).toEqual(['acme.example']);
        expect(plan.transports).toEqual([{ domain: 'acme.example', nexthop: `smtp:[${mailVm.address}]:25` }]);
        expect(plan.messageSizeLimit).toBe(25 * 1024 * 1024);
        expect(plan.spamThreshold).toBe(5);
        expect(plan.postmaster).toBe('postmaster@acme.example');
        expect(plan.inetProtocols).toBe('ipv4');
    });

    it('a shared MX relays every hosted domain, sorted, each to its mail VM, and speaks IPv6 when the server has it', async () => {
        const infra = await resolveExample('hosting');
        const plan = mxPlan(infra, infra.servers[0], infra.companies);
        expect(plan.relayDomains).toEqual(['globex.example', 'initech.example.org', 'wayne.example']);
        expect(plan.transports.map(t => t.nexthop)).toEqual(Array(3).fill('smtp:[10.20.0.12]:25'));
        expect(plan.inetProtocols).toBe('ipv4, ipv6');
    });

    it('takes the largest message size of the companies', async () => {
        const infra = await resolveExample('hosting');
        const [a, b, c] = infra.companies;
        const bigger = { ...b, mail: { ...b.mail, maxMessageSizeBytes: 99_000_000 } };
        expect(mxPlan(infra, infra.servers[0], [a, bigger, c]).messageSizeLimit).toBe(99_000_000);
    });

    it('refuses a role with no company (a model bug)', async () => {
        const infra = await resolveExample('acme');
        expect(() => mxPlan(infra, infra.servers[0], [])).toThrow(/serves no company/);
    });
});

describe('spamThreshold: one spamd, several companies', () => {
    it('uses the strictest (lowest) threshold and names the companies it overrides', async () => {
        const infra = await resolveExample('hosting');
        const [a, b, c] = infra.companies;
        const companies = [withThreshold(a, 6), withThreshold(b, 4.5), withThreshold(c, 5)];
        expect(spamThreshold(companies)).toBe(4.5);
        const plan = mxPlan(infra, infra.servers[0], companies);
        expect(plan.spamThreshold).toBe(4.5);
        // wayne (6) and initech (5) are tagged at globex's 4.5; listed by domain.
        expect([a.name, b.name, c.name]).toEqual(['wayne', 'globex', 'initech']);
        expect(plan.thresholdOverridden).toEqual(['initech', 'wayne']);
    });

    it('overrides nobody when all agree', async () => {
        const infra = await resolveExample('hosting');
        expect(mxPlan(infra, infra.servers[0], infra.companies).thresholdOverridden).toEqual([]);
    });
});

describe('smtpNexthop', () => {
    it('brackets the address so Postfix does no MX lookup', () => {
        expect(smtpNexthop('10.0.0.12')).toBe('smtp:[10.0.0.12]:25');
    });
});
