import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Checks } from './runner.js';
import { diagnosticCode, errorsOf, EXTENSION_ID, hoverText, openSpec, positionOf, waitFor } from './helpers.js';

/**
 * Diagnostics as the editor gets them: the broken spec's errors and warning with the exact
 * ranges (checked by the text under each range), and none on the example.
 */

interface Expected {
    readonly code: string | undefined;
    readonly severity: vscode.DiagnosticSeverity;
    readonly line: number;
    readonly text: string;
    readonly message: RegExp;
}

// test/vscode/fixtures/broken.company, 0-based lines. Langium sends an unresolved reference's
// code (linking-error) in the diagnostic's data, which VS Code does not show: no code here.
const BROKEN: readonly Expected[] = [
    { code: 'company-not-hosted', severity: vscode.DiagnosticSeverity.Error, line: 1, text: 'cyberdyne', message: /^No server hosts cyberdyne/ },
    { code: 'duplicate-entry', severity: vscode.DiagnosticSeverity.Warning, line: 4, text: 'staff', message: /listed twice/ },
    { code: undefined, severity: vscode.DiagnosticSeverity.Error, line: 6, text: 'bobb', message: /Did you mean 'bob'\?/ }
];

export async function diagnosticsChecks(checks: Checks): Promise<void> {
    await checks.check('the CompanyKit extension activates', async () => {
        const extension = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(extension, `${EXTENSION_ID} is not installed`);
        await extension.activate();
        assert.equal(extension.isActive, true);
    });

    await checks.check('broken.company: two errors and a warning, each on the right words', async () => {
        const editor = await openSpec('broken.company');
        const uri = editor.document.uri;
        const diagnostics = await waitFor('diagnostics on broken.company', () => {
            const found = vscode.languages.getDiagnostics(uri);
            return found.length >= BROKEN.length ? found : undefined;
        }, 60_000);
        const actual = diagnostics
            .map(d => ({ code: diagnosticCode(d), severity: d.severity, line: d.range.start.line, text: editor.document.getText(d.range), message: d.message }))
            .sort((a, b) => a.line - b.line);
        assert.equal(actual.length, BROKEN.length, `diagnostics: ${JSON.stringify(actual)}`);
        BROKEN.forEach((expected, i) => {
            const got = actual[i];
            assert.deepEqual({ code: got.code, severity: got.severity, line: got.line, text: got.text },
                { code: expected.code, severity: expected.severity, line: expected.line, text: expected.text });
            assert.match(got.message, expected.message);
        });
        assert.equal(diagnostics.every(d => d.source === undefined || /company/i.test(d.source)), true);
    });

    await checks.check('acme.company: no errors once the server has answered for it', async () => {
        const editor = await openSpec('acme.company');
        // An empty list is also what a document has before the server has looked at it, so wait
        // for the server to answer a hover on it first: it validates a document before hovering.
        await waitFor('a hover on acme.company', async () => {
            const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider',
                editor.document.uri, positionOf(editor.document, 'company acme', 0, 9));
            return hoverText(hovers).length > 0 ? true : undefined;
        }, 60_000);
        assert.deepEqual(errorsOf(editor.document.uri).map(d => d.message), []);
    });
}
