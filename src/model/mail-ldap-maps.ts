import type { CompanyModel, Infrastructure, VmModel } from './infrastructure.js';
import { serviceAccount } from './directory.js';
import { MAILBOX_FILTER, MAIL_ALIAS, MAIL_FORWARD_FILTER, USER } from './ldap-schema.js';
import { requireVm } from './locate.js';

/**
 * Postfix's LDAP maps on the mail VM: one set per company, each bound as that company's postfix
 * service account to that company's suffix, and restricted with `domain =` to the company's
 * domain, so a lookup for one company's address never queries another company's directory.
 *
 * - mailboxes: a user's address → any value (virtual_transport delivers to Dovecot, which knows
 *   where the maildir is), so `result_attribute = mail`;
 * - forwards: an alias or a group list → its final recipients (`rfc822MailMember`, already
 *   expanded by the model into mailbox and outside addresses);
 *
 * The same maps, mailboxes first, are `smtpd_sender_login_maps`: SASL logins are mailbox
 * addresses, so a user's address maps to itself (its `mail`) and an alias or list to its
 * recipients, i.e. every recipient of `sales@` may send as `sales@`. An address is never both a
 * user and an alias (validation refuses it), so the first map that answers is the right one.
 */

export type MapKind = 'mailboxes' | 'forwards';

export interface LdapMap {
    readonly company: string;
    readonly kind: MapKind;
    /** The map file name, e.g. `ldap-acme-mailboxes.cf`. */
    readonly fileName: string;
    /** `ldap://10.0.0.10:389`: plain LDAP on the private network. */
    readonly serverUrl: string;
    readonly searchBase: string;
    readonly queryFilter: string;
    readonly resultAttribute: string;
    readonly domain: string;
    readonly bindDn: string;
    readonly bindPassword: string;
}

export const LDAP_PORT = 389;

export function ldapUrl(address: string): string {
    return `ldap://${address}:${LDAP_PORT}`;
}

/** A map file name safe for Postfix and the shell: company names are identifiers. */
export const mapFileName = (company: string, kind: MapKind): string => `ldap-${company}-${kind}.cf`;

export function companyLdapMaps(infra: Infrastructure, vm: VmModel, company: CompanyModel): LdapMap[] {
    const server = requireVm(infra, company.name, 'ldap', vm.server);
    const account = serviceAccount(company.directory, 'postfix');
    const common = {
        company: company.name,
        serverUrl: ldapUrl(server.address),
        domain: company.domain,
        bindDn: account.dn,
        bindPassword: account.password
    };
    const forwards = {
        searchBase: company.directory.suffix,
        queryFilter: MAIL_FORWARD_FILTER,
        resultAttribute: MAIL_ALIAS.recipientAttribute
    };
    return [
        { ...common, kind: 'mailboxes', fileName: mapFileName(company.name, 'mailboxes'), searchBase: company.directory.usersDn, queryFilter: MAILBOX_FILTER, resultAttribute: USER.mailAttribute },
        { ...common, kind: 'forwards', fileName: mapFileName(company.name, 'forwards'), ...forwards }
    ];
}

export interface MailMaps {
    readonly maps: readonly LdapMap[];
    /** `ldap:<dir>/<file>` lists for main.cf, in company order. */
    readonly mailboxMaps: readonly string[];
    readonly aliasMaps: readonly string[];
    readonly senderLoginMaps: readonly string[];
}

export function mailLdapMaps(infra: Infrastructure, vm: VmModel, companies: readonly CompanyModel[], configDir: string): MailMaps {
    const maps = companies.flatMap(company => companyLdapMaps(infra, vm, company));
    const refs = (kind: MapKind): string[] => maps.filter(m => m.kind === kind).map(m => `ldap:${configDir}/${m.fileName}`);
    // Per company: its mailboxes, then its aliases and lists (see the header).
    const senderLoginMaps = companies.flatMap(company => maps.filter(m => m.company === company.name).map(m => `ldap:${configDir}/${m.fileName}`));
    return { maps, mailboxMaps: refs('mailboxes'), aliasMaps: refs('forwards'), senderLoginMaps };
}
