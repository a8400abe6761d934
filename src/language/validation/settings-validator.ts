import type { AstNode, ValidationAcceptor } from 'langium';
import {
    isDomainSetting, isLocaleSetting, isMailSettings, isServiceBlock, isServiceList, isTimezoneSetting,
    isUserAdmin, isUserEmail, isUserPasswordHash, isUserQuota,
    type Company, type MailSettings, type ServiceBlock, type User
} from '../generated/ast.js';
import { CompanyCodes } from './company-codes.js';
import { coded, lineOf } from './report.js';
import { domainProblem } from './value-syntax.js';

/** Lines that a company, its mail block or a service block may hold only once, and the required `domain`. */

/** Company lines that hold one value: a second one would silently override or contradict the first. */
const SINGLE_LINES: ReadonlyArray<{ keyword: string, is: (n: AstNode) => boolean, what: string }> = [
    { keyword: 'domain', is: isDomainSetting, what: 'one domain' },
    { keyword: 'timezone', is: isTimezoneSetting, what: 'one time zone' },
    { keyword: 'locale', is: isLocaleSetting, what: 'one locale' },
    { keyword: 'services', is: isServiceList, what: 'one `services` line; list every service on it' },
    { keyword: 'mail', is: isMailSettings, what: 'one `mail { … }` block' }
];

export function checkCompanySingleLines(company: Company, accept: ValidationAcceptor): void {
    for (const line of SINGLE_LINES) {
        const [first, ...repeats] = company.members.filter(line.is);
        for (const node of repeats) {
            accept('error', `A company has ${line.what}; this \`${line.keyword}\` repeats line ${lineOf(first)}, so merge or remove it.`,
                coded(CompanyCodes.DuplicateSetting, { node, keyword: line.keyword }));
        }
    }
    const blocks = new Map<string, ServiceBlock>();
    for (const block of company.members.filter(isServiceBlock).filter(b => b.service)) {
        const first = blocks.get(block.service);
        if (first) {
            accept('error', `The settings of ${block.service} are already given on line ${lineOf(first)}; merge the two blocks.`,
                coded(CompanyCodes.DuplicateSetting, { node: block, property: 'service' }));
        } else {
            blocks.set(block.service, block);
        }
    }
}

/** User lines that hold one value; only the first would be read, so a repeat is a mistake. */
const SINGLE_USER_LINES: ReadonlyArray<{ keyword: string, is: (n: AstNode) => boolean }> = [
    { keyword: 'email', is: isUserEmail },
    { keyword: 'admin', is: isUserAdmin },
    { keyword: 'quota', is: isUserQuota },
    { keyword: 'password-hash', is: isUserPasswordHash }
];

export function checkUserSingleLines(user: User, accept: ValidationAcceptor): void {
    for (const line of SINGLE_USER_LINES) {
        const [first, ...repeats] = user.properties.filter(line.is);
        for (const node of repeats) {
            accept('error', `\`${line.keyword}\` is already given for ${user.name} on line ${lineOf(first)}; keep one of the two.`,
                coded(CompanyCodes.DuplicateSetting, { node, keyword: line.keyword }));
        }
    }
}

/** Every address, host name and DNS zone of a company derives from its domain. */
export function checkCompanyHasDomain(company: Company, accept: ValidationAcceptor): void {
    if (typeof company.name !== 'string') {
        return;  // half-typed: the parser reports the missing name
    }
    if (!company.members.some(isDomainSetting)) {
        accept('error', `The company '${company.name}' has no domain; add a line such as \`domain ${exampleDomain(company.name)}\`.`,
            coded(CompanyCodes.MissingDomain, { node: company, property: 'name' }));
    }
}

/**
 * A valid domain to suggest for a company: its name as a DNS label (lower case, `_` and other
 * characters a label cannot hold become `-`) under `.example`, the TLD reserved for examples.
 */
export function exampleDomain(name: string): string {
    const label = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
    const domain = `${label}.example`;
    return label && !domainProblem(domain) ? domain : 'company.example';
}

export function checkMailSettingsOnce(mail: MailSettings, accept: ValidationAcceptor): void {
    const seen = new Map<string, AstNode>();
    for (const setting of mail.settings) {
        const keyword = keywordOf(setting.$type);
        const first = seen.get(setting.$type);
        if (first) {
            accept('error', `\`${keyword}\` is already set on line ${lineOf(first)}; keep one of the two.`,
                coded(CompanyCodes.DuplicateSetting, { node: setting, keyword }));
        } else {
            seen.set(setting.$type, setting);
        }
    }
}

function keywordOf(type: string): string {
    switch (type) {
        case 'MaxMessageSize': return 'max-message-size';
        case 'SpamThreshold': return 'spam-threshold';
        default: return 'dkim-selector';
    }
}
