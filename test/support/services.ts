import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { createCompanyDslServices } from '../../src/language/company-dsl-module.js';
import type { Spec } from '../../src/language/generated/ast.js';

/** One set of services for a whole test file: documents are built in memory. */
export const services = createCompanyDslServices(EmptyFileSystem);
export const CompanyDsl = services.CompanyDsl;

const parseDocument = parseHelper<Spec>(CompanyDsl);

/** Parse, link and validate a spec held in memory. */
export async function parseSpec(text: string, validation = true): Promise<LangiumDocument<Spec>> {
    return parseDocument(text, { validation });
}
