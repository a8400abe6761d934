import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Checks } from './runner.js';
import { hoverText, openSpec, positionOf } from './helpers.js';

/**
 * Hover, completion, go to definition and rename on examples/acme.company, through the same
 * `vscode.execute*Provider` commands the editor's UI uses, so the answer crosses the real
 * language client and server.
 */

// `alias sales -> alice, bob` is where the checks stand: two references to users.
const SALES = 'alias sales -> alice, bob';

export async function navigationChecks(checks: Checks): Promise<void> {
    const editor = await openSpec('acme.company');
    const document = editor.document;
    const uri = document.uri;
    const aliceReference = positionOf(document, SALES, 0, 'alias sales -> a'.length);

    await checks.check('hover on a user reference shows its doc comment and address', async () => {
        const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, aliceReference);
        const text = hoverText(hovers);
        assert.ok(text.includes('Runs IT; receives postmaster and abuse mail.'), text);
        assert.ok(text.includes('`alice@acme.example`'), text);
        assert.ok(text.includes('Alice Liddell'), text);
    });

    await checks.check('completion inside a company offers its members, not a server\'s', async () => {
        // The blank line after `locale en_US`, inside the company block.
        const blank = positionOf(document, 'locale en_US\n', 0, 'locale en_US\n'.length);
        const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', uri, blank);
        const labels = list.items.map(item => typeof item.label === 'string' ? item.label : item.label.label);
        // acme already has its `mail` and `services` (each allowed once), so those are not offered.
        for (const keyword of ['user', 'group', 'alias']) {
            assert.ok(labels.includes(keyword), `no '${keyword}' in ${JSON.stringify(labels)}`);
        }
        for (const absent of ['vm', 'runs', 'mail', 'services']) {
            assert.ok(!labels.includes(absent), `'${absent}' offered here: ${JSON.stringify(labels)}`);
        }
    });

    await checks.check('go to definition jumps from a reference to the user declaration', async () => {
        const targets = await vscode.commands.executeCommand<Array<vscode.Location | vscode.LocationLink>>(
            'vscode.executeDefinitionProvider', uri, aliceReference);
        assert.equal(targets.length, 1, JSON.stringify(targets));
        const target = targets[0];
        const targetUri = 'targetUri' in target ? target.targetUri : target.uri;
        const range = 'targetUri' in target ? (target.targetSelectionRange ?? target.targetRange) : target.range;
        assert.equal(targetUri.toString(), uri.toString());
        assert.equal(document.getText(range), 'alice');
        assert.equal(range.start.line, positionOf(document, 'user alice "Alice Liddell"').line);
    });

    await checks.check('rename of a user edits its declaration and every reference', async () => {
        const declaration = positionOf(document, 'user bob "Bob Martin"', 0, 'user b'.length);
        const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', uri, declaration, 'robert');
        const edits = edit.get(uri);
        assert.ok(edits.length >= 2, `edits: ${JSON.stringify(edits)}`);
        assert.deepEqual([...new Set(edits.map(e => `${document.getText(e.range)} -> ${e.newText}`))], ['bob -> robert']);
        const lines = edits.map(e => e.range.start.line);
        assert.ok(lines.includes(declaration.line), 'the declaration is not renamed');
        assert.ok(lines.includes(aliceReference.line), 'the reference in `alias sales` is not renamed');
        // Only names: `bob.martin` (the user's email local part) is not a reference and stays.
        assert.ok(edits.every(e => document.getText(new vscode.Range(e.range.end, e.range.end.translate(0, 1))) !== '.'));
    });
}
