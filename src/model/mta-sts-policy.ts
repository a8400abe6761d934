import { createHash } from 'node:crypto';
import type { CompanyModel } from './infrastructure.js';

/**
 * The MTA-STS policy of a company (RFC 8461): served by the reverse proxy at
 * https://mta-sts.<domain>/.well-known/mta-sts.txt, announced by the `_mta-sts` TXT record whose
 * `id` must change whenever the policy does, so it is derived from the policy text itself.
 *
 * The DNS record and the file the proxy serves both come from here, so the id always matches.
 *
 * Mode `testing`: senders report failures (TLS-RPT) but still deliver. Until ACME has issued the
 * MX certificate, the MX presents a self-signed one, and `enforce` would make compliant senders
 * refuse to deliver at all; an admin moves to enforce once reports are clean.
 */
export interface MtaStsPolicy {
    readonly mode: 'testing' | 'enforce';
    readonly mx: readonly string[];
    readonly maxAgeSeconds: number;
    /** The policy file, CRLF line endings as the RFC specifies. */
    readonly text: string;
    /** 1–32 alphanumerics: the first 20 hex digits of the SHA-256 of `text`. */
    readonly id: string;
}

/** One day while in testing: a later switch to enforce reaches senders within a day. */
export const MTA_STS_MAX_AGE_SECONDS = 86_400;

export function mtaStsPolicy(company: CompanyModel): MtaStsPolicy {
    const mx = [`mx.${company.domain}`];
    const mode = 'testing';
    const lines = ['version: STSv1', `mode: ${mode}`, ...mx.map(m => `mx: ${m}`), `max_age: ${MTA_STS_MAX_AGE_SECONDS}`];
    const text = lines.map(l => `${l}\r\n`).join('');
    return { mode, mx, maxAgeSeconds: MTA_STS_MAX_AGE_SECONDS, text, id: createHash('sha256').update(text).digest('hex').slice(0, 20) };
}
