import { createHash } from 'node:crypto';

/**
 * `{SSHA}` (salted SHA-1, RFC 2307 style) as slapd, Dovecot and `slappasswd` understand it. The salt
 * is derived from the key and the password rather than drawn at random, so the same secrets give a
 * byte-identical LDIF on every run; it is still unique per account and unknown without the password.
 */
export function sshaHash(password: string, saltKey: string): string {
    const salt = createHash('sha256').update(`companykit-salt\0${saltKey}\0${password}`).digest().subarray(0, 8);
    const digest = createHash('sha1').update(password).update(salt).digest();
    return `{SSHA}${Buffer.concat([digest, salt]).toString('base64')}`;
}

/** True when `hash` is the `{SSHA}` of `password` (tests and the deploy guide's self-check). */
export function sshaMatches(hash: string, password: string): boolean {
    if (!hash.startsWith('{SSHA}')) {
        return false;
    }
    const raw = Buffer.from(hash.slice('{SSHA}'.length), 'base64');
    const salt = raw.subarray(20);
    return createHash('sha1').update(password).update(salt).digest().equals(raw.subarray(0, 20));
}
