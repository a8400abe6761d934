import type { CompanyModel, PublicName } from './infrastructure.js';

/**
 * The mail client autoconfiguration the proxy serves.
 *
 * autoconfig.<domain>/mail/config-v1.1.xml (Thunderbird's format, also read by other clients):
 * IMAP on 993 with implicit TLS and submission on 587 with STARTTLS, both at mail.<domain> (the
 * ports the server forwards to the mail VM), logging in with the full address as Dovecot expects.
 *
 * mta-sts.<domain>/.well-known/mta-sts.txt: the policy of `mta-sts-policy.ts`, shared with the
 * zone's `_mta-sts` record so its id always matches the file.
 */

export const IMAPS_PORT = 993;
export const SUBMISSION_PORT = 587;

export interface AutoconfigModel {
    readonly domain: string;
    readonly displayName: string;
    readonly imap: { readonly hostname: string, readonly port: number, readonly socketType: 'SSL' };
    readonly smtp: { readonly hostname: string, readonly port: number, readonly socketType: 'STARTTLS' };
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
