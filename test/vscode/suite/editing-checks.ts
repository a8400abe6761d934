import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Checks } from './runner.js';
import { applyEdits, diagnosticCode, errorsOf, openSpec, waitFor } from './helpers.js';

/** Formatting a messy spec, and a quick fix applied to the broken spec. */

const MESSY = 'company tyrell "Tyrell" { domain tyrell.example\nuser roy "Roy" { groups staff  aliases postmaster ,abuse  admin }\n  group staff }\n';
const FORMATTED = [
    'company tyrell "Tyrell" {',
    '    domain tyrell.example',
    '    user roy "Roy" {',
    '        groups staff',
    '        aliases postmaster, abuse',
    '        admin',
    '    }',
    '    group staff',
    '}',
    ''
].join('\n');

// The unresolved reference (its code, linking-error, travels in the diagnostic's data).
const isUnresolvedBobb = (d: vscode.Diagnostic) => d.message.startsWith("There is no user, group or alias named 'bobb'");

export async function editingChecks(checks: Checks): Promise<void> {
    await checks.check('format document lays a messy spec out in blocks of 4 spaces', async () => {
        // An untitled document: the language client also serves those, and no file is left behind.
        const document = await vscode.workspace.openTextDocument({ language: 'company', content: MESSY });
        await vscode.window.showTextDocument(document);
        const edits = await waitFor('formatting edits', async () => {
            const found = await vscode.commands.executeCommand<vscode.TextEdit[]>('vscode.executeFormatDocumentProvider',
                document.uri, { tabSize: 4, insertSpaces: true });
            return found && found.length > 0 ? found : undefined;
        }, 30_000);
        assert.equal(applyEdits(document, edits), FORMATTED);
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    await checks.check("quick fix \"Change to 'bob'\" applied to broken.company clears that error", async () => {
        const editor = await openSpec('broken.company');
        const document = editor.document;
        const unresolved = vscode.languages.getDiagnostics(document.uri).find(isUnresolvedBobb);
        assert.ok(unresolved, 'broken.company has no linking-error to fix');
        const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider',
            document.uri, unresolved.range, vscode.CodeActionKind.QuickFix.value);
        const fix = actions.find(a => a.title === "Change to 'bob'");
        assert.ok(fix, `quick fixes offered: ${JSON.stringify(actions.map(a => a.title))}`);
        assert.ok(fix.edit, 'the quick fix carries no edit');
        assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
        assert.ok(document.getText().includes('    alias sales -> bob\n'), document.getText());
        // The server revalidates after the edit: wait for its new list, which keeps the other error.
        const remaining = await waitFor('the linking error to go and the other error to stay', () => {
            const errors = errorsOf(document.uri);
            return errors.length > 0 && !errors.some(isUnresolvedBobb) ? errors : undefined;
        });
        assert.deepEqual(remaining.map(diagnosticCode), ['company-not-hosted']);
        // Left unsaved, as a user would have it just after the fix; the page checks read this editor.
    });
}
