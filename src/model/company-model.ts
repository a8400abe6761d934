import {
    isDkimSelector, isLocaleSetting, isMailSettings, isMaxMessageSize, isSpamThreshold, isTimezoneSetting, isUserPasswordHash, isUserQuota,
    type Company, type MailSetting, type User
} from '../language/generated/ast.js';
import { SIZE_UNITS } from '../language/catalog/keywords.js';
import {
    companyDomain, groupsOf, isAdmin, localPartsOf, mailAddress, servicesOf, userAliasesOf, usersOf
} from '../language/semantics/company-facts.js';
import { resolveDirectory, FIRST_GID, FIRST_UID } from './directory.js';
import { dkimTxtRecord } from './dkim.js';
import type { AliasModel, CompanyModel, DirectoryModel, GroupModel, MailPolicy, UserModel } from './infrastructure.js';
import { aliasAddress, aliasRecipients, companyAliases, groupAddress, groupMembers, groupsOfUser, sortedUnique } from './mail-expansion.js';
import { sshaHash } from './password-hash.js';
import type { SecretStore } from './secrets.js';
import { resolveServices } from './services-model.js';
import { publicNames } from './public-names.js';
import type { VmLocator } from './vm-locator.js';

export const DEFAULT_TIMEZONE = 'UTC';
export const DEFAULT_LOCALE = 'en_US';
export const DEFAULT_MAX_MESSAGE_SIZE_BYTES = 20 * 1024 * 1024;
export const DEFAULT_SPAM_THRESHOLD = 5.0;
export const DEFAULT_DKIM_SELECTOR = 'mail';

/** One company, every default applied. `locate` finds the VM serving a role of it (for public names). */
export function resolveCompany(company: Company, server: string, secrets: SecretStore, locate: VmLocator): CompanyModel {
    const domain = companyDomain(company)!;
    const services = servicesOf(company);
    const directory = resolveDirectory(company.name, domain, services, secrets);
    const gidNumber = secrets.id(`gid:${company.name}`, FIRST_GID);
    const servicesModel = resolveServices(company, domain);
    const hostnames = Object.fromEntries(servicesModel.enabled.map(s => [s, servicesModel[s]!.hostname]));
    const users = usersOf(company).map(user => resolveUser(user, company, directory, gidNumber, secrets));
    return {
        name: company.name,
        displayName: company.displayName ?? company.name,
        domain,
        timezone: company.members.find(isTimezoneSetting)?.timezone ?? DEFAULT_TIMEZONE,
        locale: company.members.find(isLocaleSetting)?.locale ?? DEFAULT_LOCALE,
        server,
        directory,
        users,
        groups: groupsOf(company).map(group => {
            const members = groupMembers(group);
            return {
                name: group.name, displayName: group.displayName ?? group.name, dn: `cn=${group.name},${directory.groupsDn}`,
                email: groupAddress(group), members: sortedUnique(members.map(u => u.name)), memberEmails: sortedUnique(members.map(mailAddress))
            } satisfies GroupModel;
        }),
        aliases: resolveAliases(company, users, directory),
        mail: resolveMailPolicy(company, domain, users, secrets),
        services: servicesModel,
        publicNames: publicNames(company.name, domain, services, locate, hostnames)
    };
}

function resolveUser(user: User, company: Company, directory: DirectoryModel, gidNumber: number, secrets: SecretStore): UserModel {
    const dn = `uid=${user.name},${directory.usersDn}`;
    const fullName = user.fullName ?? user.name;
    const written = user.properties.find(isUserPasswordHash)?.hash;
    const passwordHash = written ?? sshaHash(secrets.password(`user:${company.name}:${user.name}`), dn);
    const quota = user.properties.find(isUserQuota)?.size;
    const domain = companyDomain(company)!;
    return {
        name: user.name,
        fullName,
        ...splitName(fullName),
        email: mailAddress(user),
        dn,
        uidNumber: secrets.id(`uid:${company.name}:${user.name}`, FIRST_UID),
        gidNumber,
        homeDirectory: `/home/${user.name}`,
        passwordHash,
        generatedPassword: written === undefined,
        admin: isAdmin(user),
        ...(quota?.unit ? { quotaBytes: quota.value * SIZE_UNITS[quota.unit] } : {}),
        groups: sortedUnique(groupsOfUser(user, company).map(g => g.name)),
        aliasAddresses: userAliasesOf(user).map(local => `${local}@${domain}`)
    };
}

/** `Alice Liddell` → given name Alice, surname Liddell; a single word is both (inetOrgPerson needs sn). */
export function splitName(fullName: string): { givenName: string, surname: string } {
    const words = fullName.trim().split(/\s+/);
    return words.length < 2 ? { givenName: words[0] ?? fullName, surname: words[0] ?? fullName }
        : { givenName: words.slice(0, -1).join(' '), surname: words[words.length - 1] };
}

function resolveAliases(company: Company, users: readonly UserModel[], directory: DirectoryModel): AliasModel[] {
    const fromUsers: AliasModel[] = users.flatMap(user => user.aliasAddresses.map(address => ({
        address, dn: `mail=${address},${directory.aliasesDn}`, recipients: [user.email], kind: 'user-alias' as const
    })));
    const fromLines: AliasModel[] = companyAliases(company).map(alias => {
        const address = aliasAddress(alias);
        return { address, dn: `mail=${address},${directory.aliasesDn}`, recipients: aliasRecipients(alias), kind: 'alias' as const };
    });
    return [...fromUsers, ...fromLines];
}

function mailSetting<T extends MailSetting>(company: Company, guard: (s: MailSetting) => s is T): T | undefined {
    return company.members.filter(isMailSettings).flatMap(m => m.settings).find(guard);
}

function resolveMailPolicy(company: Company, domain: string, users: readonly UserModel[], secrets: SecretStore): MailPolicy {
    const size = mailSetting(company, isMaxMessageSize)?.size;
    const selector = mailSetting(company, isDkimSelector)?.selector ?? DEFAULT_DKIM_SELECTOR;
    // Rotating the selector gives a new key: the old one stays published until its DNS record is removed.
    const dkimPrivateKeyPem = secrets.rsaKey(`dkim:${company.name}:${selector}`);
    return {
        maxMessageSizeBytes: size?.unit ? Math.round(size.value * SIZE_UNITS[size.unit]) : DEFAULT_MAX_MESSAGE_SIZE_BYTES,
        spamThreshold: mailSetting(company, isSpamThreshold)?.value ?? DEFAULT_SPAM_THRESHOLD,
        dkimSelector: selector,
        dkimPrivateKeyPem,
        dkimTxt: dkimTxtRecord(dkimPrivateKeyPem),
        reportAddress: reportAddress(company, domain, users)
    };
}

/** Where DMARC and TLS reports go: postmaster when the company receives it, else its first admin, else its first user. */
function reportAddress(company: Company, domain: string, users: readonly UserModel[]): string {
    if (localPartsOf(company).has('postmaster')) {
        return `postmaster@${domain}`;
    }
    return (users.find(u => u.admin) ?? users[0])?.email ?? `postmaster@${domain}`;
}
