import type { CompanyModel, ServiceAccountPurpose } from './infrastructure.js';
import { GROUP, MAIL_ALIAS, USER } from './ldap-schema.js';

/**
 * The slapd access rules of one company database, as data: slapd.conf prints them, and the unit
 * tests ask `accessLevel` the questions that matter (can bob read alice's hash?). slapd evaluates
 * the first `to` clause matching the entry and attribute, then the first matching `by` clause;
 * nothing matching means no access. The rootdn bypasses all of it.
 *
 * Policy (issue 3): users write their own password; anonymous may only bind (`auth`); nobody but
 * the user itself and the rootdn reads a password hash (the replication account excepted, since a
 * replica must hold the hashes to let users bind); `auth-bind` accounts search and read users'
 * non-secret attributes; `mail-lookup` reads the mail attributes of users, aliases and groups;
 * `user-search` reads users and groups; everything else: none.
 */

export type AccessLevel = 'none' | 'disclose' | 'auth' | 'compare' | 'search' | 'read' | 'write' | 'manage';
const LEVELS: readonly AccessLevel[] = ['none', 'disclose', 'auth', 'compare', 'search', 'read', 'write', 'manage'];

export type AclWho =
    | { readonly kind: 'self' }
    | { readonly kind: 'anonymous' }
    | { readonly kind: 'dn', readonly dn: string }
    | { readonly kind: 'anyone' };

export interface AclBy {
    readonly who: AclWho;
    readonly access: AccessLevel;
}

export interface AclRule {
    /** `dn.subtree=` scope; undefined = every entry of the database. */
    readonly subtree?: string;
    /** Attribute list; undefined = every attribute (and the entry itself). */
    readonly attrs?: readonly string[];
    readonly by: readonly AclBy[];
}

/** What a mail lookup needs from users, aliases and groups (plus `entry` and `objectClass` to search at all). */
export const MAIL_LOOKUP_ATTRIBUTES: readonly string[] = [...new Set([
    'entry', 'objectClass', USER.mailAttribute, USER.loginAttribute, 'uidNumber', 'gidNumber', 'homeDirectory',
    MAIL_ALIAS.addressAttribute, MAIL_ALIAS.recipientAttribute, GROUP.memberAttribute
])];

/** An account (beyond the company's own service accounts) that reads everything: the replication consumer. */
export interface AclExtraReader {
    readonly dn: string;
}

const byDn = (dns: readonly string[], access: AccessLevel): AclBy[] => dns.map(dn => ({ who: { kind: 'dn', dn }, access }));

function accountsWith(company: CompanyModel, purposes: readonly ServiceAccountPurpose[]): string[] {
    return company.directory.serviceAccounts.filter(a => purposes.includes(a.purpose)).map(a => a.dn);
}

/** The access rules of a company's database, in slapd order. `replicators` read everything (syncrepl). */
export function companyAcls(company: CompanyModel, replicators: readonly AclExtraReader[] = []): AclRule[] {
    const d = company.directory;
    const repl = byDn(replicators.map(r => r.dn), 'read');
    const none: AclBy = { who: { kind: 'anyone' }, access: 'none' };
    const authBind = accountsWith(company, ['auth-bind']);
    const mailLookup = accountsWith(company, ['mail-lookup']);
    const userSearch = accountsWith(company, ['user-search']);
    const allAccounts = d.serviceAccounts.map(a => a.dn);
    return [
        {
            attrs: [USER.passwordAttribute],
            by: [{ who: { kind: 'self' }, access: 'write' }, ...repl, { who: { kind: 'anonymous' }, access: 'auth' }, none]
        },
        {
            subtree: d.usersDn, attrs: MAIL_LOOKUP_ATTRIBUTES,
            by: [{ who: { kind: 'self' }, access: 'read' }, ...byDn([...authBind, ...mailLookup, ...userSearch], 'read'), ...repl, none]
        },
        {
            subtree: d.usersDn,
            by: [{ who: { kind: 'self' }, access: 'read' }, ...byDn([...authBind, ...userSearch], 'read'), ...repl, none]
        },
        { subtree: d.aliasesDn, by: [...byDn(mailLookup, 'read'), ...repl, none] },
        { subtree: d.groupsDn, attrs: MAIL_LOOKUP_ATTRIBUTES, by: [...byDn([...mailLookup, ...userSearch], 'read'), ...repl, none] },
        { subtree: d.groupsDn, by: [...byDn(userSearch, 'read'), ...repl, none] },
        { subtree: d.systemDn, by: [{ who: { kind: 'self' }, access: 'read' }, ...repl, none] },
        // The base entry and the OUs themselves: service accounts may search from the suffix down.
        { by: [...byDn(allAccounts, 'read'), ...repl, none] }
    ];
}

/** One access question: who (a bind DN, or undefined for anonymous) on which entry and attribute. */
export interface AccessQuery {
    readonly requester?: string;
    readonly target: string;
    readonly attribute: string;
}

const normalize = (dn: string): string => dn.toLowerCase().replace(/\s*,\s*/g, ',');

function inSubtree(dn: string, base: string): boolean {
    const d = normalize(dn);
    const b = normalize(base);
    return d === b || d.endsWith(`,${b}`);
}

function whoMatches(who: AclWho, query: AccessQuery): boolean {
    switch (who.kind) {
        case 'anyone': return true;
        case 'anonymous': return query.requester === undefined;
        case 'self': return query.requester !== undefined && normalize(query.requester) === normalize(query.target);
        case 'dn': return query.requester !== undefined && normalize(query.requester) === normalize(who.dn);
    }
}

/** The access slapd grants for `query` under `rules` (first matching `to`, then first matching `by`). */
export function accessLevel(rules: readonly AclRule[], query: AccessQuery): AccessLevel {
    const attribute = query.attribute.toLowerCase();
    const rule = rules.find(r => (r.subtree === undefined || inSubtree(query.target, r.subtree))
        && (r.attrs === undefined || r.attrs.some(a => a.toLowerCase() === attribute)));
    return rule?.by.find(b => whoMatches(b.who, query))?.access ?? 'none';
}

/** True when `granted` includes `wanted` (slapd levels are cumulative). */
export function allows(granted: AccessLevel, wanted: AccessLevel): boolean {
    return LEVELS.indexOf(granted) >= LEVELS.indexOf(wanted);
}

/** The `access to …` lines for slapd.conf. */
export function aclLines(rules: readonly AclRule[]): string[] {
    return rules.map(rule => {
        const what = [rule.subtree ? `dn.subtree="${rule.subtree}"` : '', rule.attrs ? `attrs=${rule.attrs.join(',')}` : '']
            .filter(Boolean).join(' ') || '*';
        const by = rule.by.map(b => `    by ${whoText(b.who)} ${b.access}`);
        return [`access to ${what}`, ...by].join('\n');
    });
}

function whoText(who: AclWho): string {
    switch (who.kind) {
        case 'anyone': return '*';
        case 'anonymous': return 'anonymous';
        case 'self': return 'self';
        case 'dn': return `dn.exact="${who.dn}"`;
    }
}
