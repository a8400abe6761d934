import type { ServiceKind } from '../language/generated/ast.js';
import type { DirectoryModel, ServiceAccount, ServiceAccountPurpose } from './infrastructure.js';
import { sshaHash } from './password-hash.js';
import type { SecretStore } from './secrets.js';

/**
 * The LDAP tree of one company: one database per company, suffix from every label of its domain
 * (acme.example → dc=acme,dc=example; mail.example.co.uk → four dc parts, unlike the seed's two),
 * one OU per kind of entry, and a bind account per daemon under ou=system with only the rights
 * its purpose needs (the ACLs in slapd.conf are written from `purpose`).
 */

export const OU = { users: 'people', groups: 'groups', aliases: 'aliases', system: 'system' } as const;

/** First uidNumber handed out to users (below are system accounts on NetBSD and Debian alike). */
export const FIRST_UID = 10000;
/** First gidNumber handed out to each company's users group. */
export const FIRST_GID = 10000;

export function ldapSuffix(domain: string): string {
    return domain.split('.').map(label => `dc=${label}`).join(',');
}

interface AccountSpec {
    readonly name: string;
    readonly purpose: ServiceAccountPurpose;
    readonly description: string;
    /** The service the account exists for; undefined = every company (mail is core). */
    readonly service?: ServiceKind;
}

/** The daemons that bind to a company's directory, and why. */
const ACCOUNTS: readonly AccountSpec[] = [
    { name: 'postfix', purpose: 'mail-lookup', description: 'Postfix: looks up mailboxes, aliases and lists' },
    { name: 'dovecot', purpose: 'auth-bind', description: 'Dovecot: finds users and checks passwords by binding as them' },
    { name: 'roundcube', purpose: 'user-search', description: 'Roundcube: the shared address book', service: 'webmail' },
    { name: 'nextcloud', purpose: 'user-search', description: 'Nextcloud: users and groups for login and sharing', service: 'cloud' },
    { name: 'gitea', purpose: 'user-search', description: 'Gitea: sign-in with directory accounts', service: 'git' },
    { name: 'prosody', purpose: 'auth-bind', description: 'Prosody (Jitsi Meet): sign-in of room hosts', service: 'meet' }
];

export function resolveDirectory(company: string, domain: string, services: readonly ServiceKind[], secrets: SecretStore): DirectoryModel {
    const suffix = ldapSuffix(domain);
    const adminPassword = secrets.password(`ldap-admin:${company}`);
    const systemDn = `ou=${OU.system},${suffix}`;
    const serviceAccounts: ServiceAccount[] = ACCOUNTS
        .filter(a => a.service === undefined || services.includes(a.service))
        .map(a => {
            const dn = `uid=${a.name},${systemDn}`;
            const password = secrets.password(`ldap-service:${company}:${a.name}`);
            return { name: a.name, dn, password, passwordHash: sshaHash(password, dn), purpose: a.purpose, description: a.description };
        });
    const adminDn = `cn=admin,${suffix}`;
    return {
        suffix, adminDn, adminPassword, adminPasswordHash: sshaHash(adminPassword, adminDn),
        usersDn: `ou=${OU.users},${suffix}`, groupsDn: `ou=${OU.groups},${suffix}`, aliasesDn: `ou=${OU.aliases},${suffix}`,
        systemDn, serviceAccounts
    };
}

/** The account of a daemon, for the renderers; throws when the company lacks it (a model bug). */
export function serviceAccount(directory: DirectoryModel, name: string): ServiceAccount {
    const account = directory.serviceAccounts.find(a => a.name === name);
    if (!account) {
        throw new Error(`no LDAP service account ${name} under ${directory.suffix}`);
    }
    return account;
}
