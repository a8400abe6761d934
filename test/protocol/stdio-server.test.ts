import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-protocol';
import type { LspStdioClient } from '../../scripts/lsp-stdio-client.mjs';
import { KEYWORDS } from '../../src/language/catalog/keywords.js';
import { ensureBundlesBuilt } from '../support/bundles.js';
import { acmeText, completionLabels, docUri, hoverText, messageOf, positionOf, startServer } from './server-harness.js';

// acme.company with a doc comment of our own on bob, and one typo: `developers` misspelled in
// an alias, which only Langium's linker reports (so other checks cannot change this test).
const documented = acmeText.replace('    user bob "Bob Martin" {', '    /** Protocol test: bob builds things. */\n    user bob "Bob Martin" {');
const broken = documented.replace('alias dev -> developers', 'alias dev -> develoopers');
const uri = docUri('stdio');

const isError = (d: Diagnostic) => (d.severity ?? DiagnosticSeverity.Error) === DiagnosticSeverity.Error;

describe('language server over stdio', () => {
    let server: LspStdioClient;
    let firstDiagnostics: Diagnostic[];

    beforeAll(async () => {
        expect(broken).not.toBe(documented);
        await ensureBundlesBuilt();
        server = await startServer();
        firstDiagnostics = await server.open(uri, broken);
    }, 120_000);

    afterAll(() => server?.kill());

    test('publishes the unresolved reference with its message, exact range and severity', () => {
        const typo = positionOf(broken, 'develoopers');
        const linking = firstDiagnostics.filter((d) => messageOf(d).startsWith('There is no '));
        expect(linking).toHaveLength(1);
        expect(messageOf(linking[0])).toContain('develoopers');
        expect(linking[0].severity).toBe(DiagnosticSeverity.Error);
        expect(linking[0].range).toEqual({ start: typo, end: { line: typo.line, character: typo.character + 'develoopers'.length } });
    });

    test('completes keywords at the start of a company member', async () => {
        const labels = completionLabels(await server.completion(uri, positionOf(broken, 'alias dev')));
        expect(labels).toEqual(expect.arrayContaining(['user', 'group', 'alias']));
        // Server-level keywords do not belong inside a company, nor a second domain in acme.
        expect(labels).not.toContain('vm');
        expect(labels).not.toContain('domain');
    });

    test('hover on a keyword shows its entry from the keyword table', async () => {
        const hover = await server.hover(uri, positionOf(broken, 'user bob', 1));
        const entry = KEYWORDS.find((k) => k.keyword === 'user')!;
        expect(hoverText(hover)).toContain(entry.summary.split('.')[0]);
    });

    test('hover on a reference to a user shows that user\'s doc comment', async () => {
        const hover = await server.hover(uri, positionOf(broken, 'alias sales -> alice, bob', 'alias sales -> alice, '.length + 1));
        expect(hoverText(hover)).toContain('Protocol test: bob builds things.');
    });

    test('fixing the text clears the error', async () => {
        const fixed = await server.change(uri, documented);
        expect(fixed.filter(isError)).toEqual([]);
        expect(fixed.some((d) => messageOf(d).startsWith('There is no '))).toBe(false);
    });

    test('breaking it again brings the error back, then shutdown and exit end the process with code 0', async () => {
        const again = await server.change(uri, broken);
        expect(again.some((d) => messageOf(d).includes('develoopers'))).toBe(true);
        expect(await server.shutdown()).toBe(0);
        expect(server.running).toBe(false);
    });
});
