import type { CompanyDslServices } from '../company-dsl-module.js';
import { registerCompanyChecks } from './company-checks.js';
import { registerServerChecks } from './server-checks.js';

/** Register every validation check: company rules (names, people, mail) and server rules (network, VMs, roles). */
export function registerValidationChecks(services: CompanyDslServices): void {
    registerCompanyChecks(services);
    registerServerChecks(services);
}
