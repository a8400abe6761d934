import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import type { LspStdioClient } from '../../scripts/lsp-stdio-client.mjs';
import { ensureBundlesBuilt } from '../support/bundles.js';
import { docUri, messageOf, startServer } from './server-harness.js';

/** Two open documents that both declare acme, over the wire: each is told, and a fix in one clears the other. */
const ACME = 'company acme "ACME" {\n    domain acme.example\n    user admin "Admin" { aliases postmaster, abuse }\n}\n';
const GLOBEX = ACME.replaceAll('acme', 'globex').replace('"ACME"', '"Globex"');
const first = docUri('cross-file-a');
const second = docUri('cross-file-b');

const duplicateNames = (diagnostics: Diagnostic[]) =>
    diagnostics.filter(d => d.code === 'duplicate-name').map(messageOf);

describe('language server over stdio, two documents', () => {
    let server: LspStdioClient;

    beforeAll(async () => {
        await ensureBundlesBuilt();
        server = await startServer();
    }, 120_000);

    afterAll(() => server?.kill());

    test('opening a second document with the same company publishes the error in both', async () => {
        expect(duplicateNames(await server.open(first, ACME))).toEqual([]);
        const firstAgain = server.nextDiagnostics(first);
        const secondDiagnostics = await server.open(second, ACME);
        expect(duplicateNames(secondDiagnostics)).toEqual(["The company 'acme' is also declared in cross-file-a.company:1; rename one of them."]);
        expect(duplicateNames(await firstAgain)).toEqual(["The company 'acme' is also declared in cross-file-b.company:1; rename one of them."]);
    });

    test('renaming the company in the second document clears the error in the first', async () => {
        const firstAgain = server.nextDiagnostics(first);
        expect(duplicateNames(await server.change(second, GLOBEX))).toEqual([]);
        expect(duplicateNames(await firstAgain)).toEqual([]);
    });

    test('bringing it back publishes the error in the first document again', async () => {
        const firstAgain = server.nextDiagnostics(first);
        await server.change(second, ACME);
        expect(duplicateNames(await firstAgain)).toHaveLength(1);
    });
});
