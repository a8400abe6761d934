import type { ValidationChecks } from 'langium';
import type { CompanyDslAstType } from '../generated/ast.js';
import type { CompanyDslServices } from '../company-dsl-module.js';
export function registerValidationChecks(services: CompanyDslServices): void {
    const checks: ValidationChecks<CompanyDslAstType> = {};
    services.validation.ValidationRegistry.register(checks);
}
