import type { ValidationAcceptor } from 'langium';
import type {
    DkimSelector, DomainSetting, LocaleSetting, MailAlias, MaxMessageSize, Size, SpamThreshold, TimezoneSetting,
    UserAliases, UserEmail, UserQuota
} from '../generated/ast.js';
import { CompanyCodes } from './company-codes.js';
import { coded } from './report.js';
import { checkTimezone } from './timezones.js';
import { dnsLabelProblem, domainProblem, localeProblem, localPartProblem } from './value-syntax.js';

/** Values of a company: domain, local parts, timezone, locale, sizes and mail settings. */

export function checkDomain(node: DomainSetting, accept: ValidationAcceptor): void {
    const problem = node.domain === undefined ? undefined : domainProblem(node.domain);
    if (problem) {
        accept('error', `The domain '${node.domain}' is not valid: ${problem}.`,
            coded(CompanyCodes.InvalidDomain, { node, property: 'domain' }));
    }
}

export function checkEmailLocalPart(node: UserEmail, accept: ValidationAcceptor): void {
    reportLocalPart(node.localPart, accept, { node, property: 'localPart' });
}

export function checkUserAliasLocalParts(node: UserAliases, accept: ValidationAcceptor): void {
    node.aliases.forEach((alias, index) => reportLocalPart(alias, accept, { node, property: 'aliases', index }));
}

export function checkMailAliasName(node: MailAlias, accept: ValidationAcceptor): void {
    reportLocalPart(node.name, accept, { node, property: 'name' });
}

function reportLocalPart<N extends UserEmail | UserAliases | MailAlias>(
    localPart: string, accept: ValidationAcceptor, info: { node: N, property: string, index?: number }
): void {
    const problem = localPart === undefined ? undefined : localPartProblem(localPart);
    if (problem) {
        accept('error', `'${localPart}' is not a valid mail address local part: ${problem}.`,
            coded(CompanyCodes.InvalidLocalPart, info as never));
    }
}

export function checkTimezoneValue(node: TimezoneSetting, accept: ValidationAcceptor): void {
    const verdict = node.timezone === undefined ? { ok: true } : checkTimezone(node.timezone);
    if (verdict.ok) {
        return;
    }
    const advice = verdict.suggestion
        ? `did you mean '${verdict.suggestion}'?`
        : 'write an IANA zone name such as Europe/Berlin, America/New_York or UTC.';
    accept('error', `'${node.timezone}' is not a known time zone; ${advice}`,
        coded(CompanyCodes.UnknownTimezone, { node, property: 'timezone' }, { suggestion: verdict.suggestion }));
}

export function checkLocaleValue(node: LocaleSetting, accept: ValidationAcceptor): void {
    const problem = node.locale === undefined ? undefined : localeProblem(node.locale);
    if (problem) {
        accept('error', `'${node.locale}' is not a locale name; ${problem}.`,
            coded(CompanyCodes.InvalidLocale, { node, property: 'locale' }));
    }
}

/**
 * A size must say its unit: `quota 20` could mean 20 bytes or 20 GB. The quick fix adds the unit
 * the setting is usually written in (GB for storage quotas, MB for message sizes).
 */
export function checkSize(size: Size, usualUnit: string, what: string, accept: ValidationAcceptor): void {
    if (size?.value === undefined) {
        return;
    } else if (size.value === 0) {
        accept('error', `A ${what} of 0 allows nothing; write a positive size such as 1 ${usualUnit}, or leave the line out for the default.`,
            coded(CompanyCodes.InvalidSize, { node: size }));
    } else if (!size.unit) {
        accept('error', `This ${what} has no unit; write ${size.value} ${usualUnit} (units: KB, MB, GB, TB).`,
            coded(CompanyCodes.SizeMissingUnit, { node: size }, { unit: usualUnit }));
    }
}

export const checkQuota = (node: UserQuota, accept: ValidationAcceptor) => checkSize(node.size, 'GB', 'quota', accept);

export const checkMaxMessageSize = (node: MaxMessageSize, accept: ValidationAcceptor) =>
    checkSize(node.size, 'MB', 'maximum message size', accept);

/**
 * The spam score above which mail is marked as spam (SpamAssassin `required_score`, rspamd
 * `add_header`; 5 is the usual value). At 0 or below every message is spam; no rule set scores
 * ordinary spam above 50, so a higher threshold silently turns filtering off.
 */
export function checkSpamThreshold(node: SpamThreshold, accept: ValidationAcceptor): void {
    if (node.value !== undefined && !(node.value > 0 && node.value <= 50)) {
        accept('error', `A spam threshold of ${node.value} ${node.value <= 0 ? 'marks every message as spam' : 'never marks anything as spam'}; `
            + 'write a score above 0 and at most 50 (5.0 is usual).',
            coded(CompanyCodes.InvalidSpamThreshold, { node, property: 'value' }));
    }
}

/** The selector becomes the DNS name `<selector>._domainkey.<domain>`, so it must be a DNS label. */
export function checkDkimSelector(node: DkimSelector, accept: ValidationAcceptor): void {
    const problem = node.selector === undefined ? undefined : dnsLabelProblem(node.selector);
    if (problem) {
        accept('error', `The DKIM selector '${node.selector}' is not a DNS label: ${problem}. Write something like mail2026.`,
            coded(CompanyCodes.InvalidDkimSelector, { node, property: 'selector' }));
    }
}
