import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DiagnosticSeverity, WorkDoneProgress, type Diagnostic, type ProtocolConnection } from 'vscode-languageserver-protocol';
import { LspStdioClient } from '../../scripts/lsp-stdio-client.mjs';
import type { GenerateParams, GenerateResult } from '../../src/language/lsp/generate-protocol.js';
import { ensureBundlesBuilt, node24, repoRoot, serverBundle } from '../support/bundles.js';
import { acmeText, startServer } from './server-harness.js';

/**
 * `companykit/generate` against the BUILT server bundle over stdio, as the VS Code command sends
 * it: a spec with errors is refused with their count and nothing is written; a fault comes back
 * as a `failed` result and the server keeps serving; progress arrives on the client's token.
 */

const METHOD = 'companykit/generate';
const GENERATION_TIMEOUT_MS = 60_000;

// One unresolvable group: an error only the linker reports, so other checks cannot change the count.
const brokenAcme = acmeText.replace('alias dev -> developers', 'alias dev -> develoopers');
// The example under another name, so that it and the broken copy can be open in one server.
/** A second valid spec that collides with nothing above (the server keeps closed files of its workspace). */
const validOmega = (): string => acmeText.replaceAll('acme', 'omega').replaceAll('hv1', 'ohv1').replace('public 203.0.113.10', 'public 192.0.2.98')
    .replace('network 10.0.0.0/24', 'network 10.8.0.0/24');
const validZeta = acmeText.replaceAll('acme', 'zeta').replaceAll('hv1', 'zhv1').replace('public 203.0.113.10', 'public 192.0.2.99').replace('network 10.0.0.0/24', 'network 10.9.0.0/24');
// A company alone in its file (its server is in another), with the same kind of error.
const brokenGlobex = 'company globex "Globex" {\n    domain globex.example\n'
    + '    user hank "Hank Scorpio" { groups boaard  aliases postmaster, abuse  admin }\n    group board "Board"\n}\n';

const isError = (d: Diagnostic) => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error;
const fileUri = (path: string) => pathToFileURL(path).toString();
/** The client's protocol connection (the shared client exposes it at run time, untyped). */
const connectionOf = (client: LspStdioClient) => (client as unknown as { connection: ProtocolConnection }).connection;

function generate(client: LspStdioClient, params: GenerateParams): Promise<GenerateResult> {
    return client.request<GenerateResult>(METHOD, params, GENERATION_TIMEOUT_MS);
}

/** Every file under `dir`, relative, sorted (empty when `dir` does not exist). */
function filesUnder(dir: string): string[] {
    return existsSync(dir) ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter(entry => entry.isFile())
        .map(entry => join(entry.parentPath, entry.name).slice(dir.length + 1))
        .sort() : [];
}

describe('companykit/generate over stdio', () => {
    let server: LspStdioClient;
    let dir: string;

    beforeAll(async () => {
        await ensureBundlesBuilt();
        server = await startServer();
        dir = mkdtempSync(join(tmpdir(), 'companykit-generate-'));
    }, 120_000);

    afterAll(() => {
        server?.kill();
        if (dir) {
            rmSync(dir, { recursive: true, force: true });
        }
    });

    it('refuses a spec with errors, with their count, and writes nothing', async () => {
        const specDir = join(dir, 'broken');
        mkdirSync(specDir);
        const specPath = join(specDir, 'acme.company');
        writeFileSync(specPath, brokenAcme);
        const published = await server.open(fileUri(specPath), brokenAcme);
        const errors = published.filter(isError);
        expect(errors.length).toBeGreaterThan(0);

        const result = await generate(server, { uri: fileUri(specPath) });

        expect(result.status).toBe('spec-errors');
        if (result.status !== 'spec-errors') {
            return;
        }
        expect(result.errorCount).toBe(errors.length);
        expect(result.errors.map(e => e.message)).toEqual(errors.map(e => e.message));
        const typo = result.errors.find(e => e.message.includes('develoopers'))!;
        expect(typo.uri).toBe(fileUri(specPath));
        expect(typo.line).toBe(brokenAcme.slice(0, brokenAcme.indexOf('develoopers')).split('\n').length - 1);
        // Nothing beside the spec: no output folder, no secrets file.
        expect(filesUnder(specDir)).toEqual(['acme.company']);
    });

    it('reports the errors of the file holding a hosted company, even when the editor never opened it', async () => {
        const workspace = join(dir, 'workspace');
        mkdirSync(workspace);
        const serverPath = join(workspace, 'box.company');
        writeFileSync(serverPath, 'server box {\n    public 192.0.2.10 on wm0\n    network 10.30.0.0/24\n    hosts globex\n}\n');
        writeFileSync(join(workspace, 'globex.company'), brokenGlobex);
        const client = await startWorkspaceServer(workspace);
        try {
            const result = await generate(client, { uri: fileUri(serverPath) });
            expect(result.status).toBe('spec-errors');
            if (result.status === 'spec-errors') {
                expect(result.errors).toEqual([expect.objectContaining({
                    uri: fileUri(join(workspace, 'globex.company')), line: 2, message: expect.stringContaining('boaard')
                })]);
            }
            expect(filesUnder(workspace)).toEqual(['box.company', 'globex.company']);
        } finally {
            client.kill();
        }
    }, 60_000);

    it('reports progress on the work-done token the client passes', async () => {
        const specPath = join(dir, 'broken', 'acme.company');
        const token = 'generate-progress-test';
        const seen: string[] = [];
        const listener = connectionOf(server).onProgress(WorkDoneProgress.type, token,
            (value) => { seen.push(value.kind === 'begin' ? `begin ${value.title}` : value.kind); });
        try {
            await generate(server, { uri: fileUri(specPath), workDoneToken: token });
            // $/progress notifications are sent before the response, so they have all arrived.
            expect(seen[0]).toBe('begin Generating infrastructure');
            expect(seen.at(-1)).toBe('end');
        } finally {
            listener.dispose();
        }
    });

    it('answers a request it cannot serve with a failed result, not an error', async () => {
        const untitled = await generate(server, { uri: 'untitled:Untitled-1' });
        expect(untitled).toEqual({ status: 'failed', message: expect.stringMatching(/^Cannot generate: only a saved \.company file/) });
        const missing = await generate(server, { uri: fileUri(join(dir, 'nowhere', 'gone.company')) });
        expect(missing.status).toBe('failed');
    });

    it('returns a fault of the generator or the output folder as a message and keeps serving', async () => {
        const specDir = join(dir, 'valid');
        const outDir = join(dir, 'valid-out');
        mkdirSync(specDir);
        mkdirSync(outDir);
        const specPath = join(specDir, 'zeta.company');
        writeFileSync(specPath, validZeta);
        // A manifest that is not ours: the writer refuses before writing anything: a message, no crash, nothing written.
        writeFileSync(join(outDir, 'manifest.json'), 'not json');
        expect((await server.open(fileUri(specPath), validZeta)).filter(isError)).toEqual([]);

        const result = await generate(server, { uri: fileUri(specPath), outDir });

        expect(result.status).toBe('failed');
        if (result.status === 'failed') {
            expect(result.message).toMatch(/^Nothing was written: \S/);
            expect(result.message).not.toMatch(/\n\s+at /);
        }
        expect(filesUnder(specDir)).toEqual(['zeta.company']);
        expect(filesUnder(outDir)).toEqual(['manifest.json']);
        expect(server.running).toBe(true);
        expect(await server.hover(fileUri(specPath), { line: 0, character: 1 })).toBeDefined();
    });

    it('generates a valid spec into the default folder beside it and sends no secret', async () => {
        const specDir = join(dir, 'generated-ok');
        mkdirSync(specDir);
        const specPath = join(specDir, 'omega.company');
        writeFileSync(specPath, validOmega());
        const opened = await server.open(fileUri(specPath), validOmega());
        expect(opened.filter(isError).map(d => d.message)).toEqual([]);

        const result = await generate(server, { uri: fileUri(specPath) });

        expect(result).toMatchObject({ status: 'written', outDir: join(specDir, 'generated', 'omega') });
        if (result.status !== 'written') {
            return;
        }
        const written = filesUnder(result.outDir);
        expect(written).toContain('manifest.json');
        expect(result.files).toBeGreaterThan(10);
        expect(result.hosts).toBeGreaterThan(1);
        expect(result.written).toBe(result.files);
        expect(result.unchanged + result.removed).toBe(0);
        // The secrets file beside the spec exists; none of its values crossed the wire.
        const secretsFile = filesUnder(specDir).find(f => f.includes('secrets'));
        expect(secretsFile).toBeDefined();
        const wire = JSON.stringify(result);
        const secrets = JSON.parse(readFileSync(join(specDir, secretsFile!), 'utf-8')) as Record<string, Record<string, unknown>>;
        for (const value of Object.values(secrets).flatMap(group => typeof group === 'object' ? Object.values(group) : [])) {
            if (typeof value === 'string') {
                expect(wire).not.toContain(value);
            }
        }

        const again = await generate(server, { uri: fileUri(specPath) });
        expect(again).toMatchObject({ status: 'written', written: 0, unchanged: result.files, removed: 0 });

        // The companykit.platform setting: Debian guests get Debian's paths; an unknown one is refused.
        const debianOut = join(specDir, 'debian-out');
        expect(await generate(server, { uri: fileUri(specPath), outDir: debianOut, platform: 'debian' })).toMatchObject({ status: 'written' });
        expect(filesUnder(debianOut)).toContain(join('ohv1.mail', 'etc', 'postfix', 'main.cf'));
        expect(await generate(server, { uri: fileUri(specPath), platform: 'solaris' }))
            .toEqual({ status: 'failed', message: expect.stringMatching(/^Cannot generate: unknown platform "solaris" .* use one of netbsd, debian\.$/) });
    }, GENERATION_TIMEOUT_MS);
});

/** A server started on a workspace folder, so it loads every .company file there without any being opened. */
async function startWorkspaceServer(folder: string): Promise<LspStdioClient> {
    const child = spawn(node24, [serverBundle, '--stdio'], { cwd: repoRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    const StdioClient = LspStdioClient as unknown as new (process: typeof child, timeoutMs: number) => LspStdioClient;
    const client = new StdioClient(child, 15_000);
    const uri = fileUri(folder);
    await client.request('initialize', {
        processId: process.pid, rootUri: uri, workspaceFolders: [{ uri, name: 'workspace' }], capabilities: {}
    });
    await connectionOf(client).sendNotification('initialized', {});
    return client;
}
