import type { CompanyDslServices } from '../company-dsl-module.js';

/** Placeholder until the company rules land (owned by the validation work on companies). */
export function registerCompanyChecks(_services: CompanyDslServices): void {
}
