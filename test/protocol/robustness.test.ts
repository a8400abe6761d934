import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import type { LspStdioClient } from '../../scripts/lsp-stdio-client.mjs';
import { ensureBundlesBuilt } from '../support/bundles.js';
import { megabyteJunk, megabyteSpec, nastyDocuments, randomDocument } from './bad-input.js';
import { acmeText, docUri, messageOf, positionOf, startServer } from './server-harness.js';

// Over the wire: after each bad document the server still answers hover and completion, and
// once the text is fixed its diagnostics are clean again. One server for the whole file, so a
// crash or hang anywhere fails every later test too (and the timeouts turn hangs into failures).

const uri = docUri('robustness');
const errorsOf = (diagnostics: Diagnostic[]) =>
    diagnostics.filter((d) => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error).map(messageOf);

describe('the language server survives bad input', () => {
    let server: LspStdioClient;

    beforeAll(async () => {
        await ensureBundlesBuilt();
        server = await startServer();
        expect(errorsOf(await server.open(uri, acmeText))).toEqual([]);
    }, 120_000);

    afterAll(() => server?.kill());

    /** Send the bad text, check the server still answers, then fix the text and check it recovers. */
    async function survives(bad: string): Promise<void> {
        const diagnostics = await server.change(uri, bad);
        expect(Array.isArray(diagnostics)).toBe(true);
        const middle = positionInText(bad, Math.floor(bad.length / 2));
        await server.hover(uri, middle);
        await server.completion(uri, positionInText(bad, bad.length));
        await server.completion(uri, middle);
        expect(server.running).toBe(true);

        const fixed = await server.change(uri, acmeText);
        expect(errorsOf(fixed)).toEqual([]);
        // The fixed document answers with real content again.
        const hover = await server.hover(uri, positionOf(acmeText, 'alias sales -> alice', 'alias sales -> '.length + 1));
        expect(hover).not.toBeNull();
    }

    test.each(nastyDocuments(acmeText))('%s', async (_name, text) => {
        await survives(text);
    }, 60_000);

    test.each([3, 4, 5, 101, 102])('random document, seed %i', async (seed) => {
        await survives(randomDocument(seed, acmeText));
    }, 60_000);

    test('about 1 MB of valid spec', async () => {
        await survives(megabyteSpec());
    }, 120_000);

    test('about 1 MB of word soup', async () => {
        await survives(megabyteJunk());
    }, 120_000);

    test('a burst of bad edits without waiting, then the fix: diagnostics settle clean', async () => {
        for (let seed = 200; seed < 230; seed++) {
            await server.sendChange(uri, randomDocument(seed, acmeText));
        }
        await server.sendChange(uri, acmeText);
        const settled = await settledDiagnostics(server, uri);
        expect(errorsOf(settled)).toEqual([]);
        expect(server.running).toBe(true);
    }, 60_000);

    test('shutdown still ends the process cleanly', async () => {
        expect(await server.shutdown()).toBe(0);
    }, 30_000);
});

/** Diagnostics once no new ones have come for a second (a burst yields several publishes). */
async function settledDiagnostics(server: LspStdioClient, uri: string): Promise<Diagnostic[]> {
    for (;;) {
        try {
            await server.nextDiagnostics(uri, 1_000);
        } catch {
            return server.diagnostics.get(uri) ?? [];
        }
    }
}

function positionInText(text: string, offset: number): { line: number, character: number } {
    const before = text.slice(0, offset).split(/\r\n|\r|\n/);
    return { line: before.length - 1, character: before.at(-1)!.length };
}
