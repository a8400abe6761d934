import type { ValidationAcceptor } from 'langium';
import type { UserClearPassword, UserPasswordHash } from '../generated/ast.js';
import { CompanyCodes } from './company-codes.js';
import { coded } from './report.js';

/** Passwords: never in clear; hashes in the `{SCHEME}…` form OpenLDAP's userPassword takes. */

/** A spec is kept in version control and copied around; a clear password in it is a leaked password. */
export function checkClearPassword(node: UserClearPassword, accept: ValidationAcceptor): void {
    accept('error', 'Never write a clear password in a spec; write `password-hash "{SSHA}…"` with the output of slappasswd, '
        + 'or leave it out and set the password later.',
        coded(CompanyCodes.ClearPassword, { node, property: 'value' }));
}

/** Schemes OpenLDAP (with its contrib modules) and NetBSD's crypt understand. */
const STRONG_SCHEMES = ['SSHA', 'SSHA256', 'SSHA384', 'SSHA512', 'CRYPT', 'ARGON2', 'PBKDF2', 'PBKDF2-SHA1',
    'PBKDF2-SHA256', 'PBKDF2-SHA512', 'BCRYPT'];
/** Unsalted or MD5-based: accepted by slapd, but cracked in seconds. */
const WEAK_SCHEMES = ['SHA', 'SHA256', 'SHA384', 'SHA512', 'MD5', 'SMD5'];

/** Characters of base64, crypt(3) and PHC strings (`$argon2id$v=19$m=65536,t=2,p=1$…`). */
const HASH_BODY = /^[A-Za-z0-9+/=.$,_-]+$/;

export function checkPasswordHash(node: UserPasswordHash, accept: ValidationAcceptor): void {
    if (node.hash === undefined) {
        return;
    }
    const info = coded(CompanyCodes.InvalidPasswordHash, { node, property: 'hash' });
    const parts = /^\{([^}]*)\}(.*)$/s.exec(node.hash);
    if (!parts) {
        accept('error', 'A password hash starts with its scheme in braces, like {SSHA}…; paste the output of slappasswd.', info);
        return;
    }
    const scheme = parts[1].toUpperCase();
    if (!STRONG_SCHEMES.includes(scheme) && !WEAK_SCHEMES.includes(scheme)) {
        accept('error', `'{${parts[1]}}' is not a password scheme slapd knows; use one of ${STRONG_SCHEMES.map(s => `{${s}}`).join(', ')}.`, info);
    } else if (!HASH_BODY.test(parts[2])) {
        accept('error', `The hash after {${parts[1]}} is empty or holds characters no hash has; paste the whole output of slappasswd.`, info);
    } else if (WEAK_SCHEMES.includes(scheme)) {
        accept('warning', `{${parts[1]}} hashes are unsalted or MD5-based and easy to crack; make a {SSHA512} or {ARGON2} hash instead.`,
            coded(CompanyCodes.WeakPasswordHash, { node, property: 'hash' }));
    }
}
