import type { CompanyDslServices } from '../company-dsl-module.js';

/** Placeholder until the server rules land (owned by the validation work on servers). */
export function registerServerChecks(_services: CompanyDslServices): void {
}
