import { createHash } from 'node:crypto';
import type { CompanyModel } from './infrastructure.js';

/**
 * ACME HTTP-01 on the reverse proxy. Every public name of a company resolves to the server's one
 * public address, whose port 80 is the proxy's, so the proxy proves control of all of them: the
 * web names it serves over HTTPS, and also `mail.` and `mx.`, whose certificates the mail and MX
 * VMs need (a valid MX certificate is what makes an MTA-STS `enforce` policy possible later).
 *
 * One certificate per name (one domains.txt line each), because every daemon reads
 * `<tlsDir>/<fqdn>.crt`/`.key`: a per-name pair keeps that convention without aliases.
 */

/** Let's Encrypt's production ACME v2 directory. */
export const ACME_CA_URL = 'https://acme-v02.api.letsencrypt.org/directory';
/** Renew when fewer days remain (Let's Encrypt certificates last 90 days). */
export const ACME_RENEW_DAYS = 30;

export interface AcmeCertificate {
    readonly fqdn: string;
    readonly company: string;
    /** Also served over HTTPS by the proxy itself (false for mail./mx., used on other VMs). */
    readonly servedByProxy: boolean;
}

/** Every name the proxy obtains a certificate for: web names, then mail and mx, per company. */
export function acmeCertificates(companies: readonly CompanyModel[]): AcmeCertificate[] {
    return companies.flatMap(company => company.publicNames
        .filter(name => name.web || name.purpose === 'mail' || name.purpose === 'mx')
        .map(name => ({ fqdn: name.fqdn, company: company.name, servedByProxy: name.web })));
}

/** The ACME account's contact: the first company's report address (postmaster or whom it routes to). */
export function acmeContact(companies: readonly CompanyModel[]): string {
    const first = companies[0];
    if (!first) {
        throw new Error('the proxy serves no company');
    }
    return first.mail.reportAddress;
}

/**
 * When the daily renewal runs: a fixed time per proxy, spread over 02:00–05:59 by a hash of its
 * host id, as Let's Encrypt asks clients not to all renew at the top of the hour. Deterministic,
 * so regenerating never moves it.
 */
export function renewalTime(host: string): { readonly hour: number, readonly minute: number } {
    const digest = createHash('sha256').update(`acme-renewal:${host}`).digest();
    return { hour: 2 + (digest[0]! % 4), minute: digest[1]! % 60 };
}
