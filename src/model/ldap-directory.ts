import type { CompanyModel } from './infrastructure.js';
import { OU } from './directory.js';
import { GROUP, MAIL_ALIAS, SERVICE_ACCOUNT, USER } from './ldap-schema.js';
import type { ReplicationAccount } from './ldap-replication.js';

/**
 * The entries of a company's directory, parents first, as (attribute, value) pairs: the LDIF
 * template prints each pair through the LDIF escape. Pure; the object classes come from
 * ldap-schema.ts so the consumers' filters and the data never disagree.
 */

export interface LdifEntry {
    readonly dn: string;
    readonly attributes: readonly (readonly [string, string])[];
}

const classes = (names: readonly string[]): [string, string][] => names.map(n => ['objectClass', n]);

/**
 * groupOfNames requires a `member`. A group without members (declared for later, like `admins` of
 * a company whose admin is in another group) gets the company's rootdn as its only member: the
 * rootdn is not an entry, so no application shows a phantom user, and the group still exists for
 * Nextcloud/Gitea mappings. It has no mail recipients, so its list address bounces.
 */
export function groupMembers(company: CompanyModel, memberDns: readonly string[]): readonly string[] {
    return memberDns.length > 0 ? memberDns : [company.directory.adminDn];
}

export function directoryEntries(company: CompanyModel, replication?: ReplicationAccount): LdifEntry[] {
    const d = company.directory;
    const firstLabel = company.domain.split('.')[0];
    const ou = (dn: string, name: string, description: string): LdifEntry => ({
        dn, attributes: [...classes(['top', 'organizationalUnit']), ['ou', name], ['description', description]]
    });
    const userDn = new Map(company.users.map(u => [u.name, u.dn]));
    return [
        { dn: d.suffix, attributes: [...classes(['top', 'dcObject', 'organization']), ['dc', firstLabel], ['o', company.displayName]] },
        ou(d.usersDn, OU.users, 'People: accounts that log in and have a mailbox'),
        ou(d.groupsDn, OU.groups, 'Groups, each also a mail list'),
        ou(d.aliasesDn, OU.aliases, 'Mail aliases'),
        ou(d.systemDn, OU.system, 'Bind accounts of the daemons'),
        ...company.users.map(user => ({
            dn: user.dn,
            attributes: [
                ...classes(USER.objectClasses),
                [USER.loginAttribute, user.name], ['cn', user.fullName], ['sn', user.surname], ['givenName', user.givenName],
                ['displayName', user.fullName], [USER.mailAttribute, user.email],
                ['uidNumber', String(user.uidNumber)], ['gidNumber', String(user.gidNumber)],
                ['homeDirectory', user.homeDirectory], ['loginShell', USER.loginShell],
                [USER.passwordAttribute, user.passwordHash]
            ] as [string, string][]
        })),
        ...company.groups.map(group => ({
            dn: group.dn,
            attributes: [
                ...classes(GROUP.objectClasses), [GROUP.nameAttribute, group.name], ['description', group.displayName],
                [GROUP.addressAttribute, group.email],
                ...groupMembers(company, group.members.map(m => memberDn(userDn, m, group.name))).map(dn => [GROUP.memberAttribute, dn]),
                ...group.memberEmails.map(address => [GROUP.recipientAttribute, address])
            ] as [string, string][]
        })),
        ...company.aliases.map(alias => ({
            dn: alias.dn,
            attributes: [
                ...classes(MAIL_ALIAS.objectClasses), [MAIL_ALIAS.addressAttribute, alias.address], ['cn', alias.address],
                ...alias.recipients.map(r => [MAIL_ALIAS.recipientAttribute, r])
            ] as [string, string][]
        })),
        ...[...d.serviceAccounts, ...(replication ? [{ ...replication, description: 'syncrepl consumers: read the whole tree' }] : [])]
            .map(account => ({
                dn: account.dn,
                attributes: [
                    ...classes(SERVICE_ACCOUNT.objectClasses), [SERVICE_ACCOUNT.nameAttribute, account.name],
                    ['description', account.description], ['userPassword', account.passwordHash]
                ] as [string, string][]
            }))
    ];
}

function memberDn(userDn: ReadonlyMap<string, string>, user: string, group: string): string {
    const dn = userDn.get(user);
    if (!dn) {
        throw new Error(`group ${group} lists ${user}, who is not a user of the company`);
    }
    return dn;
}
