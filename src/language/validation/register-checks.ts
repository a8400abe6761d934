import type { ValidationChecks } from 'langium';
import type { CompanyDslAstType } from '../generated/ast.js';
import type { CompanyDslServices } from '../company-dsl-module.js';
import { ONCE_PER_BLOCK } from '../catalog/once-per-block.js';
import { registerCompanyChecks } from './company-checks.js';
import { checkOncePerBlock } from './once-per-block-validator.js';
import { registerServerChecks } from './server-checks.js';

/** Register every validation check: company rules (names, people, mail) and server rules (network, VMs, roles). */
export function registerValidationChecks(services: CompanyDslServices): void {
    registerCompanyChecks(services);
    registerServerChecks(services);
    // One check for every block of the once-per-block table, company and server blocks alike.
    const oncePerBlock = Object.fromEntries(Object.keys(ONCE_PER_BLOCK).map(type => [type, checkOncePerBlock]));
    services.validation.ValidationRegistry.register(oncePerBlock as ValidationChecks<CompanyDslAstType>);
}
