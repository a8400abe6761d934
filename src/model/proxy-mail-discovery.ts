import { createHash } from 'node:crypto';
import type { CompanyModel, PublicName } from './infrastructure.js';

/**
 * The two static documents the proxy serves for mail clients and senders.
 *
 * autoconfig.<domain>/mail/config-v1.1.xml (Thunderbird's format, also read by other clients):
 * IMAP on 993 with implicit TLS and submission on 587 with STARTTLS, both at mail.<domain> (the
 * ports the server forwards to the mail VM), logging in with the full address as Dovecot expects.
 *
 * mta-sts.<domain>/.well-known/mta-sts.txt (RFC 8461): mode `testing`. A fresh server's MX
 * presents a self-signed certificate until ACME has run and the certificate reached the MX VM;
 * in `enforce` mode every sender honouring MTA-STS would refuse to deliver meanwhile, in
 * `testing` they deliver and only report (to the TLS-RPT address). A short max_age lets a later
 * switch to `enforce` take effect within a day. Raise both once the MX certificate is real.
 */

export const IMAPS_PORT = 993;
export const SUBMISSION_PORT = 587;
export const MTA_STS_MODE = 'testing';
export const MTA_STS_MAX_AGE_SECONDS = 86_400;

export interface AutoconfigModel {
    readonly domain: string;
    readonly displayName: string;
    readonly imap: { readonly hostname: string, readonly port: number, readonly socketType: 'SSL' };
    readonly smtp: { readonly hostname: string, readonly port: number, readonly socketType: 'STARTTLS' };
}

export interface MtaStsPolicy {
    readonly mode: 'testing' | 'enforce';
    readonly mx: readonly string[];
    readonly maxAge: number;
}

function nameFor(company: CompanyModel, purpose: PublicName['purpose']): string {
    const name = company.publicNames.find(n => n.purpose === purpose);
    if (!name) {
        throw new Error(`company ${company.name} has no ${purpose} name`);
    }
    return name.fqdn;
}

export function autoconfigFor(company: CompanyModel): AutoconfigModel {
    const mail = nameFor(company, 'mail');
    return {
        domain: company.domain,
        displayName: company.displayName,
        imap: { hostname: mail, port: IMAPS_PORT, socketType: 'SSL' },
        smtp: { hostname: mail, port: SUBMISSION_PORT, socketType: 'STARTTLS' }
    };
}

export function mtaStsPolicyFor(company: CompanyModel): MtaStsPolicy {
    return { mode: MTA_STS_MODE, mx: [nameFor(company, 'mx')], maxAge: MTA_STS_MAX_AGE_SECONDS };
}

/** The policy file's text: `key: value` lines, CRLF-terminated (RFC 8461 accepts LF or CRLF). */
export function mtaStsPolicyText(policy: MtaStsPolicy): string {
    const lines = ['version: STSv1', `mode: ${policy.mode}`, ...policy.mx.map(mx => `mx: ${mx}`), `max_age: ${policy.maxAge}`];
    return lines.map(line => `${line}\r\n`).join('');
}

/**
 * The `id=` of the `_mta-sts` TXT record: it must change whenever the policy does, so it is
 * derived from the policy text (1–32 alphanumerics per RFC 8461).
 */
export function mtaStsPolicyId(policy: MtaStsPolicy): string {
    return createHash('sha256').update(mtaStsPolicyText(policy)).digest('hex').slice(0, 20);
}
