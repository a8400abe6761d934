import type { ValidationAcceptor } from 'langium';
import type { Company } from '../generated/ast.js';
import { CompanyCodes } from './company-codes.js';
import { isAdmin, localPartsOf, usersOf } from '../semantics/company-facts.js';
import { coded } from './report.js';

/** Allowed but unwise: nobody administers the company, or the role addresses the RFCs require are missing. */

/** A company without its name yet (half-typed) is skipped: the parser reports the missing name. */
export function checkCompanyHasAdmin(company: Company, accept: ValidationAcceptor): void {
    if (typeof company.name === 'string' && !usersOf(company).some(isAdmin)) {
        accept('warning', `The company '${company.name}' has no admin user, so nobody can manage its accounts in the web tools; `
            + 'add `admin` to one user.',
            coded(CompanyCodes.MissingAdmin, { node: company, property: 'name' }));
    }
}

/** RFC 5321 §4.5.1 requires postmaster@ for every mail domain; RFC 2142 asks for abuse@. */
export function checkRoleAddresses(company: Company, accept: ValidationAcceptor): void {
    if (typeof company.name !== 'string') {
        return;  // half-typed: the parser reports the missing name
    }
    const parts = localPartsOf(company);
    if (!parts.has('postmaster')) {
        accept('warning', `The company '${company.name}' has no postmaster address, which mail servers must have (RFC 5321); `
            + 'add `aliases postmaster` to an admin user.',
            coded(CompanyCodes.MissingPostmaster, { node: company, property: 'name' }, { alias: 'postmaster' }));
    }
    if (!parts.has('abuse')) {
        accept('warning', `The company '${company.name}' has no abuse address, where others report spam and attacks (RFC 2142); `
            + 'add `aliases abuse` to an admin user.',
            coded(CompanyCodes.MissingAbuse, { node: company, property: 'name' }, { alias: 'abuse' }));
    }
}
