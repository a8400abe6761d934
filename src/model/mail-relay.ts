import type { CompanyModel, Infrastructure, ServerModel, VmModel } from './infrastructure.js';
import { requireVm } from './locate.js';

/**
 * What the frontal MX does: accept mail for the companies it serves and nothing else, pass it
 * through SpamAssassin, and relay it to each company's mail VM on the private network.
 *
 * Recipient verification is `reject_unverified_recipient`: the MX asks the mail VM (whose
 * Postfix looks the address up in LDAP) before accepting, and caches the answer. So the MX needs
 * no LDAP credentials nor LDAP maps, one rule covers every company, and aliases and lists are
 * verified exactly as they will be delivered.
 */

export interface MxTransport {
    readonly domain: string;
    /** Postfix nexthop: `smtp:[10.0.0.12]:25` (brackets: no MX lookup for an internal address). */
    readonly nexthop: string;
}

export interface MxPlan {
    /** The only domains the MX relays for: every served company's domain, sorted. */
    readonly relayDomains: readonly string[];
    readonly transports: readonly MxTransport[];
    /** The largest limit of the served companies: the mail VM enforces each company's own. */
    readonly messageSizeLimit: number;
    /** One SpamAssassin threshold for the instance: see `spamThreshold`. */
    readonly spamThreshold: number;
    /** The served companies whose own threshold differs from the one used (named in a comment). */
    readonly thresholdOverridden: readonly string[];
    /** Where mail to root/postmaster of the MX host itself goes. */
    readonly postmaster: string;
    readonly inetProtocols: 'ipv4' | 'ipv4, ipv6';
}

export const SMTP_PORT = 25;

/** `smtp:[address]:25` for a mail VM. */
export function smtpNexthop(address: string): string {
    return `smtp:[${address}]:${SMTP_PORT}`;
}

/**
 * spamd runs one configuration per instance, and the filter only tags (it never rejects), so
 * the strictest (lowest) threshold of the served companies tags for everyone: a company with a
 * higher threshold may see a few more messages tagged, none untagged that it would have tagged.
 */
export function spamThreshold(companies: readonly CompanyModel[]): number {
    return Math.min(...companies.map(c => c.mail.spamThreshold));
}

export function mxPlan(infra: Infrastructure, server: ServerModel, companies: readonly CompanyModel[]): MxPlan {
    if (companies.length === 0) {
        throw new Error(`the mx role on ${server.name} serves no company`);
    }
    const sorted = [...companies].sort((a, b) => a.domain.localeCompare(b.domain));
    const transports = sorted.map(company => {
        const mailVm: VmModel = requireVm(infra, company.name, 'mail', server.name);
        return { domain: company.domain, nexthop: smtpNexthop(mailVm.address) };
    });
    const threshold = spamThreshold(companies);
    return {
        relayDomains: sorted.map(c => c.domain),
        transports,
        messageSizeLimit: Math.max(...companies.map(c => c.mail.maxMessageSizeBytes)),
        spamThreshold: threshold,
        thresholdOverridden: sorted.filter(c => c.mail.spamThreshold !== threshold).map(c => c.name),
        postmaster: companies[0].mail.reportAddress,
        // The MX faces the internet: it speaks IPv6 too when the server has a public IPv6 address.
        inetProtocols: server.publicIpv6 !== undefined ? 'ipv4, ipv6' : 'ipv4'
    };
}
