import { describe, expect, it } from 'vitest';
import { mailPlan, relayingMxAddresses } from '../../src/model/mail-delivery.js';
import { resolveExample } from '../support/generation.js';

describe('mailPlan: the mail VM as final destination', () => {
    it('lets only localhost and the MX relay without authentication', async () => {
        const infra = await resolveExample('acme');
        const server = infra.servers[0];
        const mailVm = server.vms.find(vm => vm.name === 'mail')!;
        const mxVm = server.vms.find(vm => vm.name === 'mx')!;
        const plan = mailPlan(infra, server, mailVm, infra.companies);
        expect(plan.mynetworks).toEqual(['127.0.0.0/8', `${mxVm.address}/32`]);
        expect(plan.virtualDomains).toEqual(['acme.example']);
        expect(plan.messageSizeLimit).toBe(25 * 1024 * 1024);
    });

    it('lists every hosted domain, and the shared MX once', async () => {
        const infra = await resolveExample('hosting');
        const server = infra.servers[0];
        const mailVm = server.vms.find(vm => vm.name === 'mail')!;
        expect(relayingMxAddresses(infra, server, infra.companies)).toEqual(['10.20.0.11']);
        const plan = mailPlan(infra, server, mailVm, infra.companies);
        expect(plan.virtualDomains).toEqual(['globex.example', 'initech.example.org', 'wayne.example']);
        expect(plan.mynetworks).toEqual(['127.0.0.0/8', '10.20.0.11/32']);
    });
});
