import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { clearDocuments, parseHelper } from 'langium/test';
import { createCompanyDslServices } from '../../src/language/company-dsl-module.js';
import type { Spec } from '../../src/language/generated/ast.js';

/** One set of services for a whole test file: documents are built in memory. */
export const services = createCompanyDslServices(EmptyFileSystem);
export const CompanyDsl = services.CompanyDsl;

const parseDocument = parseHelper<Spec>(CompanyDsl);

/**
 * Parse, link and validate a spec held in memory, alone: every loaded document is part of one
 * workspace-wide spec (a company declared in two of them is a duplicate), so the documents of
 * earlier calls are dropped first. Tests of several files use `parseDocument` with their own URIs.
 */
export async function parseSpec(text: string, validation = true): Promise<LangiumDocument<Spec>> {
    await clearDocuments(services.shared);
    return parseDocument(text, { validation });
}
