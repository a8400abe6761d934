import type { ValidationAcceptor } from 'langium';
import { isDomainSetting, type Company } from '../generated/ast.js';
import { CompanyCodes } from './company-codes.js';
import { coded } from './report.js';
import { domainProblem } from './value-syntax.js';

/** The `domain` every company needs; that it is written once is checked with the other once-per-block lines. */

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
