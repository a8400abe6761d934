import type { CompanyModel, Infrastructure, ServerModel, VmModel } from './infrastructure.js';
import { requireVm } from './locate.js';

/**
 * The mail VM's Postfix: final destination of the companies' domains (virtual mailbox domains,
 * delivered to Dovecot over LMTP), and the submission service for their users. Mail from the
 * internet only arrives through the MX, so `mynetworks` is localhost plus the MX VMs that relay
 * here; they may relay (bounces, forwards to outside addresses) without authentication.
 */

export interface MailPlan {
    readonly virtualDomains: readonly string[];
    /** CIDRs for `mynetworks`: loopback, then each relaying MX VM as a /32. */
    readonly mynetworks: readonly string[];
    /** The largest limit of the served companies (Postfix has one per instance). */
    readonly messageSizeLimit: number;
    /** Where mail to root/postmaster of the mail host itself goes. */
    readonly postmaster: string;
}

/** The MX VMs that forward these companies' mail to this VM, by address. */
export function relayingMxAddresses(infra: Infrastructure, server: ServerModel, companies: readonly CompanyModel[]): string[] {
    const addresses = companies.map(company => requireVm(infra, company.name, 'mx', server.name).address);
    return [...new Set(addresses)].sort();
}

export function mailPlan(infra: Infrastructure, server: ServerModel, vm: VmModel, companies: readonly CompanyModel[]): MailPlan {
    if (companies.length === 0) {
        throw new Error(`the mail role on ${vm.host} serves no company`);
    }
    const mx = relayingMxAddresses(infra, server, companies).filter(address => address !== vm.address);
    return {
        virtualDomains: companies.map(c => c.domain).sort(),
        mynetworks: ['127.0.0.0/8', ...mx.map(address => `${address}/32`)],
        messageSizeLimit: Math.max(...companies.map(c => c.mail.maxMessageSizeBytes)),
        postmaster: companies[0].mail.reportAddress
    };
}
