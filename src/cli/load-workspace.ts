import { readFile, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { createCompanyDslServices, type CompanyDslServices } from '../language/company-dsl-module.js';
import type { LangiumSharedServices } from 'langium/lsp';
import { CliInputError } from './cli-error.js';

/** One input file as the user named it, with its parsed and validated document. */
export interface LoadedFile {
    /** The path exactly as given on the command line: diagnostics are reported against it. */
    readonly displayPath: string;
    readonly document: LangiumDocument;
}

export interface LoadedWorkspace {
    readonly files: readonly LoadedFile[];
    readonly shared: LangiumSharedServices;
    readonly CompanyDsl: CompanyDslServices;
}

interface InputText {
    readonly displayPath: string;
    readonly absolutePath: string;
    readonly text: string;
}

/**
 * Read every file, then parse, link and validate them together as one workspace, because
 * a spec may refer to companies and VMs declared in another file (`hosts`, `ldap from`).
 * Throws CliInputError listing every unusable file before anything is validated.
 */
export async function loadWorkspace(paths: readonly string[]): Promise<LoadedWorkspace> {
    const { shared, CompanyDsl } = createCompanyDslServices({ ...NodeFileSystem });
    const extensions = CompanyDsl.LanguageMetaData.fileExtensions;
    const inputs = await readInputs(uniquePaths(paths), extensions);
    const documents = shared.workspace.LangiumDocuments;
    const files = inputs.map((input) => ({
        displayPath: input.displayPath,
        document: documents.createDocument(URI.file(input.absolutePath), input.text)
    }));
    await shared.workspace.DocumentBuilder.build(files.map((f) => f.document), { validation: true });
    return { files, shared, CompanyDsl };
}

/** The same file named twice (even by different relative paths) is loaded once. */
function uniquePaths(paths: readonly string[]): Array<{ displayPath: string, absolutePath: string }> {
    const seen = new Set<string>();
    const unique: Array<{ displayPath: string, absolutePath: string }> = [];
    for (const displayPath of paths) {
        const absolutePath = path.resolve(displayPath);
        if (!seen.has(absolutePath)) {
            seen.add(absolutePath);
            unique.push({ displayPath, absolutePath });
        }
    }
    return unique;
}

async function readInputs(
    paths: ReadonlyArray<{ displayPath: string, absolutePath: string }>,
    extensions: readonly string[]
): Promise<InputText[]> {
    const results = await Promise.all(paths.map((p) => readInput(p.displayPath, p.absolutePath, extensions)));
    const problems = results.filter((r): r is string => typeof r === 'string');
    if (problems.length > 0) {
        throw new CliInputError(problems);
    }
    return results as InputText[];
}

/** The file's text, or a one-line description of why it cannot be used. */
async function readInput(displayPath: string, absolutePath: string, extensions: readonly string[]): Promise<InputText | string> {
    try {
        const info = await stat(absolutePath);
        if (info.isDirectory()) {
            return `cannot read ${displayPath}: is a directory`;
        }
        if (!extensions.some((ext) => absolutePath.endsWith(ext))) {
            // The language server only loads *.company files, so a spec under another name
            // would validate here but be invisible to the editor and to cross-file references.
            return `cannot read ${displayPath}: not a ${extensions.join(' or ')} file`;
        }
        const text = await readFile(absolutePath, 'utf-8');
        return { displayPath, absolutePath, text };
    } catch (error) {
        return `cannot read ${displayPath}: ${describeFsError(error)}`;
    }
}

function describeFsError(error: unknown): string {
    const code = (error as NodeJS.ErrnoException | undefined)?.code;
    switch (code) {
        case 'ENOENT': return 'no such file';
        case 'EACCES':
        case 'EPERM': return 'permission denied';
        case 'EISDIR': return 'is a directory';
        case 'ENOTDIR': return 'a parent of it is not a directory';
        case 'ELOOP': return 'too many symbolic links';
        default: return error instanceof Error ? error.message : String(error);
    }
}
