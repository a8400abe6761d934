/**
 * Syntax of the values a company spec holds (domains, local parts, DNS labels, locales, e-mail
 * addresses). Each function returns what is wrong, phrased to follow "… is not valid: ", or
 * undefined when the value is fine.
 */

const DNS_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** A DNS label (RFC 1035 as relaxed by RFC 1123): letters, digits, inner hyphens, 1–63 characters. */
export function dnsLabelProblem(label: string): string | undefined {
    if (label.length === 0) {
        return 'a label is empty (two dots in a row, or a dot at an end)';
    }
    if (label.length > 63) {
        return `the label '${label.slice(0, 20)}…' has ${label.length} characters, more than 63`;
    }
    if (label.startsWith('-') || label.endsWith('-')) {
        return `the label '${label}' starts or ends with a hyphen`;
    }
    if (!DNS_LABEL.test(label)) {
        const bad = [...label].find(c => !/[a-z0-9-]/i.test(c));
        return `the label '${label}' holds '${bad}'; only letters, digits and hyphens are allowed`;
    }
    return undefined;
}

/** A fully qualified domain name such as `acme.example` (no trailing dot). */
export function domainProblem(domain: string): string | undefined {
    if (domain.length > 253) {
        return `it has ${domain.length} characters, more than 253`;
    }
    // Bad characters first: 'bad domain' is one label only because of its space.
    const labels = domain.split('.');
    for (const label of labels) {
        const problem = dnsLabelProblem(label);
        if (problem) {
            return problem;
        }
    }
    if (labels.length < 2) {
        return 'it needs at least two labels, like acme.example';
    }
    if (/^[0-9]+$/.test(labels[labels.length - 1])) {
        return `the top-level label '${labels[labels.length - 1]}' is all digits`;
    }
    return undefined;
}

/**
 * The part of RFC 5322's dot-atom we accept in a local part: atoms of letters, digits, `+`, `-`,
 * `_` and `=` joined by single dots. RFC 5322 allows more (`#`, `$`, `%`, `|`, `/`, …), but those
 * mean something to Postfix's alias files, to shells and to LDAP filters, so we keep them out.
 */
const ATOM = /^[A-Za-z0-9+=_-]+$/;

export function localPartProblem(localPart: string): string | undefined {
    if (localPart.length === 0) {
        return 'it is empty';
    }
    if (localPart.length > 64) {
        return `it has ${localPart.length} characters, more than 64`;
    }
    if (localPart.startsWith('.') || localPart.endsWith('.')) {
        return 'it starts or ends with a dot';
    }
    if (localPart.includes('..')) {
        return 'it holds two dots in a row';
    }
    for (const atom of localPart.split('.')) {
        if (!ATOM.test(atom)) {
            const bad = [...atom].find(c => !/[A-Za-z0-9+=_-]/.test(c));
            return `it holds '${printable(bad ?? '')}'; use letters, digits, '.', '+', '-', '_' and '='`;
        }
    }
    return undefined;
}

/** An external e-mail address `local@domain`. */
export function emailProblem(address: string): string | undefined {
    const at = address.lastIndexOf('@');
    if (at < 0) {
        return 'it has no @; write a full address like someone@partner.example';
    }
    const local = localPartProblem(address.slice(0, at));
    if (local) {
        return `its local part is not valid: ${local}`;
    }
    const domain = domainProblem(address.slice(at + 1));
    return domain ? `its domain is not valid: ${domain}` : undefined;
}

/** A POSIX locale name without codeset: `ll` or `ll_CC` (language, then country). */
export function localeProblem(locale: string): string | undefined {
    if (/^[a-z]{2,3}(_[A-Z]{2})?$/.test(locale)) {
        return undefined;
    }
    const parts = /^([A-Za-z]{2,3})[-_]([A-Za-z]{2})$/.exec(locale);
    if (parts) {
        return `write ${parts[1].toLowerCase()}_${parts[2].toUpperCase()}`;
    }
    return 'write a language code, optionally with a country: en, de, en_US, de_CH';
}

/** Show a character so that a control character stays readable in a message. */
export function printable(c: string): string {
    const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\0': '\\0' };
    if (named[c]) {
        return named[c];
    }
    const code = c.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f ? `\\u${code.toString(16).padStart(4, '0')}` : c;
}
