import * as path from 'node:path';
import { URI, type LangiumSharedCoreServices } from 'langium';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { defaultOutDir, generateSpec, platformNamed, PLATFORMS, type GenerateSpecResult, type SpecError } from '../../generator/generate-spec.js';
import { OutputRefusedError } from '../../generator/manifest.js';
import { SecretsFileError } from '../../generator/secrets-file.js';
import { OutputConflictError } from '../../generator/writer.js';
import type { Platform } from '../../platform/profile.js';
import {
    GENERATE_REQUEST, type GenerateParams, type GenerateResult, type GenerateSpecError
} from './generate-protocol.js';
import { withSpecDocuments } from './spec-documents.js';

/**
 * `companykit/generate`: the VS Code command's way to the generator the CLI uses. The server
 * already holds the workspace, linked and validated as the user sees it, so it generates from
 * those documents rather than reading the files again. Whatever goes wrong comes back as a
 * `failed` result: a generation bug must not take the editor's language support down with it.
 */
export function registerGenerateRequest(connection: Connection, shared: LangiumSharedCoreServices): void {
    connection.onRequest(GENERATE_REQUEST, (params: GenerateParams, cancelToken: CancellationToken) =>
        handleGenerate(connection, shared, params, cancelToken));
}

/** At most this many errors are listed in a result; errorCount still counts all of them. */
const LISTED_ERRORS = 50;

export async function handleGenerate(
    connection: Connection,
    shared: LangiumSharedCoreServices,
    params: GenerateParams,
    cancelToken: CancellationToken
): Promise<GenerateResult> {
    const progress = connection.window.attachWorkDoneProgress(params?.workDoneToken);
    progress.begin('Generating infrastructure', 0, 'reading the spec', false);
    try {
        const uri = specUri(params);
        const specPath = uri.fsPath;
        const outDir = params.outDir ? path.resolve(path.dirname(specPath), params.outDir) : defaultOutDir(specPath);
        const platform = requestedPlatform(params);
        return await withSpecDocuments(shared, uri, async (documents) => {
            const result = await generateSpec({
                documents, specPath, outDir, target: { platform },
                check: params.check === true, force: params.force === true,
                onProgress: (message) => progress.report(message)
            });
            return toWire(result);
        }, cancelToken);
    } catch (error) {
        return failure(error, params?.force === true);
    } finally {
        progress.done();
    }
}

class RequestError extends Error {}

function requestedPlatform(params: GenerateParams): Platform {
    const platform = platformNamed(params.platform ?? 'netbsd');
    if (platform === undefined) {
        throw new RequestError(`unknown platform "${String(params.platform)}" in the companykit.platform setting: use one of ${Object.keys(PLATFORMS).join(', ')}`);
    }
    return platform;
}

function specUri(params: GenerateParams | undefined): URI {
    if (typeof params?.uri !== 'string') {
        throw new RequestError('the request names no spec (uri is missing)');
    }
    const uri = URI.parse(params.uri);
    if (uri.scheme !== 'file') {
        throw new RequestError(`only a saved .company file can be generated (got a ${uri.scheme}: document)`);
    }
    return uri;
}

/** Counts and paths only: the generated contents (passwords, keys) never leave the server. */
function toWire(result: GenerateSpecResult): GenerateResult {
    switch (result.status) {
        case 'spec-errors':
            return { status: 'spec-errors', errorCount: result.errors.length, errors: result.errors.slice(0, LISTED_ERRORS).map(wireError) };
        case 'check':
            return { status: 'check', outDir: result.outDir, changes: result.changes.map(c => `${c.kind} ${c.file}`) };
        case 'written':
            return {
                status: 'written', outDir: result.outDir, files: result.files, hosts: result.hosts,
                written: result.written, unchanged: result.unchanged, removed: result.removed, bytes: result.bytes
            };
    }
}

/** Back to LSP's 0-based positions and URIs, which the client's Problems view uses. */
function wireError(error: SpecError): GenerateSpecError {
    return { uri: URI.file(error.file).toString(), line: error.line - 1, character: error.column - 1, message: error.message };
}

function failure(error: unknown, forced: boolean): GenerateResult {
    if (error instanceof OutputConflictError) {
        // The CLI's wording names --force; the editor offers to overwrite when that is possible.
        const files = error.conflicts.map(c => `${c.file}: ${c.reason}`);
        return {
            status: 'failed',
            message: `Nothing was written: ${files.length === 1 ? 'a file' : `${files.length} files`} in the output folder `
                + `${error.conflicts.length === 1 ? 'is' : 'are'} not CompanyKit's (${files.join('; ')}).`,
            overwritable: !forced && error.conflicts.every(c => c.forceable === true)
        };
    }
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof OutputRefusedError || error instanceof SecretsFileError) {
        // The output folder or the secrets file needs the user's attention; the message says what to do.
        return { status: 'failed', message: `Nothing was written: ${message}` };
    }
    return { status: 'failed', message: error instanceof RequestError ? `Cannot generate: ${message}.` : `Generation failed: ${message}` };
}
