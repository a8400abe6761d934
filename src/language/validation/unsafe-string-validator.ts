import type { ValidationAcceptor } from 'langium';
import type { Company, Group, ServiceSetting, User } from '../generated/ast.js';
import { CompanyCodes } from './company-codes.js';
import { coded } from './report.js';
import { printable } from './value-syntax.js';

/**
 * Free text of a spec (display names, full names, titles) lands inside generated files: slapd.conf
 * and LDIF, Postfix maps, nginx server blocks, PHP configs of Roundcube and Nextcloud, shell
 * scripts. The generators quote such text, but these characters break or change the meaning of
 * at least one of those syntaxes, so they are refused at the source.
 */
const WHY: ReadonlyArray<[RegExp, string]> = [
    [/"/, 'ends a quoted string in slapd.conf, nginx and PHP'],
    [/\\/, 'starts an escape sequence in LDIF, nginx, PHP and shell'],
    [/[\u0000-\u001f\u007f]/, 'splits or corrupts a line of LDIF and of every config file'],
    [/[{}]/, 'opens or closes a block in nginx and a template in Roundcube and Postfix'],
    [/;/, 'ends a directive in nginx and a statement in PHP'],
    [/#/, 'starts a comment in Postfix, nginx, slapd.conf and shell'],
    [/\$/, 'expands a variable in Postfix, nginx, PHP and shell'],
    [/%/, 'starts an expansion in Postfix and Dovecot lookups']
];

/** The first character of `text` that would break a generated config, with the reason, if any. */
export function unsafeCharacter(text: string): { char: string, why: string } | undefined {
    for (const c of text) {
        const hit = WHY.find(([pattern]) => pattern.test(c));
        if (hit) {
            return { char: c, why: hit[1] };
        }
    }
    return undefined;
}

export function unsafeMessage(what: string, found: { char: string, why: string }): string {
    return `The ${what} holds '${printable(found.char)}', which ${found.why}; remove or replace that character.`;
}

function checkText<N extends Company | User | Group | ServiceSetting>(
    text: string | undefined, what: string, info: { node: N, property: string }, accept: ValidationAcceptor
): void {
    const found = text === undefined ? undefined : unsafeCharacter(text);
    if (found) {
        accept('error', unsafeMessage(what, found), coded(CompanyCodes.UnsafeString, info as never));
    }
}

export const checkCompanyDisplayName = (node: Company, accept: ValidationAcceptor) =>
    checkText(node.displayName, 'display name', { node, property: 'displayName' }, accept);

export const checkUserFullName = (node: User, accept: ValidationAcceptor) =>
    checkText(node.fullName, 'full name', { node, property: 'fullName' }, accept);

export const checkGroupDisplayName = (node: Group, accept: ValidationAcceptor) =>
    checkText(node.displayName, 'display name', { node, property: 'displayName' }, accept);

/** Text values of service settings (website title, webmail product name). */
export function checkServiceSettingText(node: ServiceSetting, accept: ValidationAcceptor): void {
    const text = node.value?.text;
    if (text !== undefined) {
        const found = unsafeCharacter(text);
        if (found) {
            accept('error', unsafeMessage(`value of '${node.key}'`, found),
                coded(CompanyCodes.UnsafeString, { node: node.value, property: 'text' }));
        }
    }
}
