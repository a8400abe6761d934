import type { AstNode, ValidationAcceptor } from 'langium';
import {
    isGroup, isMailAlias, isUser, isUserEmail, type Company, type DomainSetting, type Group, type MailAlias, type Spec, type User,
    type UserAliases, type UserEmail
} from '../generated/ast.js';
import { CompanyCodes } from './company-codes.js';
import { groupsOf, mailAddressesOf, mailAliasesOf, usersOf, type MailAddress } from '../semantics/company-facts.js';
import { coded, lineOf } from './report.js';

/** Duplicate names, colliding mail addresses and upper-case names. */

/** Two companies with one name, or two companies claiming one domain. */
export function checkCompanyNamesAndDomains(spec: Spec, accept: ValidationAcceptor): void {
    const names = new Map<string, Company>();
    const domains = new Map<string, Company>();
    for (const company of spec.companies) {
        const first = names.get(company.name);
        if (company.name === undefined) {
            continue;
        } else if (first) {
            accept('error', `The company '${company.name}' is declared twice (first on line ${lineOf(first)}); rename one of them.`,
                coded(CompanyCodes.DuplicateName, { node: company, property: 'name' }));
        } else {
            names.set(company.name, company);
        }
        for (const setting of company.members.filter((m): m is DomainSetting => m.$type === 'DomainSetting')) {
            if (!setting.domain) {
                continue;
            }
            const key = setting.domain.toLowerCase();
            const owner = domains.get(key);
            if (owner && owner !== company) {
                accept('error', `The domain '${setting.domain}' already belongs to company '${owner.name}'; give each company its own domain.`,
                    coded(CompanyCodes.DuplicateDomain, { node: setting, property: 'domain' }));
            } else {
                domains.set(key, company);
            }
        }
    }
}

/** Users, groups and aliases of one company share a namespace: `alias sales -> x` may name any of them. */
export function checkRecipientNames(company: Company, accept: ValidationAcceptor): void {
    const seen = new Map<string, AstNode>();
    for (const node of [...usersOf(company), ...groupsOf(company), ...mailAliasesOf(company)].sort(byOffset)) {
        if (node.name === undefined) {
            continue;
        }
        const first = seen.get(node.name);
        if (first) {
            accept('error', `The name '${node.name}' is already used by the ${kindOf(first)} on line ${lineOf(first)}; `
                + 'users, groups and aliases of a company need distinct names, so rename one.',
                coded(CompanyCodes.DuplicateName, { node, property: 'name' }));
        } else {
            seen.set(node.name, node);
        }
    }
}

/** A mail address with its lower-case key: local parts are compared without case, as mail servers do. */
interface Address extends MailAddress {
    readonly key: string;
}

/**
 * Every local part of a company delivers to one place: two users sharing one, a user alias that is
 * another user's address, a mail alias that is a user's address, or a group (a mail list at its
 * name) that is any of these would make mail go astray.
 */
export function checkAddresses(company: Company, accept: ValidationAcceptor): void {
    const seen = new Map<string, Address>();
    for (const address of mailAddressesOf(company).map(a => ({ ...a, key: lower(a.localPart) })).filter(a => a.key)) {
        const first = seen.get(address.key);
        if (!first) {
            seen.set(address.key, address);
        } else if (!alreadyReported(first, address)) {
            reportCollision(first, address, accept);
        }
    }
}

/** Same declared name twice is a duplicate-name; the same alias twice in one list is a duplicate-entry. */
function alreadyReported(first: Address, second: Address): boolean {
    const bothNames = first.node === first.owner && second.node === second.owner && first.owner.name === second.owner.name;
    return bothNames || (first.node === second.node && second.property === 'aliases');
}

function reportCollision(first: Address, second: Address, accept: ValidationAcceptor): void {
    if (first.owner === second.owner) {
        accept('warning', `'${second.key}' is already ${describe(first)}; remove it.`, coded(CompanyCodes.DuplicateEntry, infoOf(second)));
    } else if (isMailAlias(first.owner) || isMailAlias(second.owner)) {
        // The alias is the one to rename, wherever it stands.
        const [alias, other] = isMailAlias(first.owner) ? [first, second] : [second, first];
        const advice = isGroup(other.owner) ? 'rename the alias.' : 'rename the alias, or drop it and give that user the alias.';
        accept('error', `The alias '${alias.key}' collides with ${describe(other)}; ${advice}`,
            coded(CompanyCodes.AliasCollidesWithUser, infoOf(alias)));
    } else if (isGroup(first.owner) !== isGroup(second.owner)) {
        // A group's name is also its LDAP name: the user's address is the one to change, wherever it stands.
        const [group, user] = isGroup(first.owner) ? [first, second] : [second, first];
        accept('error', `The address '${user.key}' is already ${describe(group)}; give the user another local part.`,
            coded(CompanyCodes.DuplicateAddress, infoOf(user)));
    } else {
        const advice = isGroup(second.owner) ? 'give each group its own name.' : 'give each user their own local part.';
        accept('error', `The address '${second.key}' is already ${describe(first)}; ${advice}`,
            coded(CompanyCodes.DuplicateAddress, infoOf(second)));
    }
}

const infoOf = (address: Address) => ({ node: address.node, property: address.property, index: address.index }) as const;

function describe(address: Address): string {
    if (isMailAlias(address.owner)) {
        return `the mail alias on line ${lineOf(address.owner)}`;
    }
    if (isGroup(address.owner)) {
        return `the mail list of group '${address.owner.name}' (line ${lineOf(address.owner)})`;
    }
    const how = address.property === 'aliases' ? 'an alias' : 'the address';
    return `${how} of user '${address.owner.name}' (line ${lineOf(address.node)})`;
}

/** What kind of declaration a node is, for messages. */
function kindOf(node: AstNode): string {
    if (isUser(node)) {
        return 'user';
    }
    if (isGroup(node)) {
        return 'group';
    }
    return isMailAlias(node) ? 'alias' : 'company';
}

const byOffset = (a: AstNode, b: AstNode) => (a.$cstNode?.offset ?? 0) - (b.$cstNode?.offset ?? 0);

/**
 * LDAP uids and mail local parts are case-insensitive and lower case by convention; a name with
 * capitals becomes a different-looking uid, mailbox directory and host name on each system.
 */
export function checkNameCase(node: Company | User | Group | MailAlias, accept: ValidationAcceptor): void {
    if (hasUpperCase(node.name)) {
        accept('warning', `Write the ${kindOf(node)} name in lower case ('${node.name.toLowerCase()}'): `
            + 'user ids, mail addresses and host names are case-insensitive and lower case by convention.',
            coded(CompanyCodes.NameCase, { node, property: 'name' }));
    }
}

export function checkLocalPartCase(node: UserEmail | UserAliases, accept: ValidationAcceptor): void {
    const parts = isUserEmail(node) ? [node.localPart] : node.aliases;
    parts.forEach((part, index) => {
        if (hasUpperCase(part)) {
            accept('warning', `Write the address '${part}' in lower case ('${part.toLowerCase()}'): mail local parts are case-insensitive.`,
                coded(CompanyCodes.NameCase, (isUserEmail(node) ? { node, property: 'localPart' } : { node, property: 'aliases', index }) as never));
        }
    });
}

export function checkDomainCase(node: DomainSetting, accept: ValidationAcceptor): void {
    if (hasUpperCase(node.domain)) {
        accept('warning', `Write the domain in lower case ('${node.domain.toLowerCase()}'): DNS names are case-insensitive.`,
            coded(CompanyCodes.NameCase, { node, property: 'domain' }));
    }
}

/** Parts of a half-typed spec are missing, whatever the AST types say. */
const lower = (text: string | undefined) => text?.toLowerCase() ?? '';
const hasUpperCase = (text: string | undefined) => !!text && text !== text.toLowerCase();
