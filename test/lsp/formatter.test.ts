import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isReference } from 'langium';
import { clearDocuments, expectFormatting, parseDocument } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompanyDsl } from '../support/services.js';

const formatting = expectFormatting(CompanyDsl);

async function format(text: string): Promise<string> {
    const document = await parseDocument(CompanyDsl, text);
    const edits = await CompanyDsl.lsp.Formatter!.formatDocument(document, {
        textDocument: { uri: document.uri.toString() }, options: { tabSize: 4, insertSpaces: true }
    });
    await clearDocuments(CompanyDsl.shared, [document]);
    return TextDocument.applyEdits(TextDocument.create('file:///f.company', 'company', 0, text), edits);
}

/** The AST as JSON without positions, to prove formatting changes layout only. */
async function astShape(text: string): Promise<{ ast: string, errors: number }> {
    const document = await parseDocument(CompanyDsl, text);
    const ast = JSON.stringify(document.parseResult.value, (key, value) =>
        isReference(value) ? `-> ${value.$refText}` : key.startsWith('$') && key !== '$type' ? undefined : value);
    const errors = document.parseResult.lexerErrors.length + document.parseResult.parserErrors.length;
    await clearDocuments(CompanyDsl.shared, [document]);
    return { ast, errors };
}

describe('formatter', () => {
    test('4-space indentation and one member per line in every block', async () => {
        await formatting({
            before: 'company acme "ACME" { domain acme.example\nuser alice "Alice" { groups admins,staff  aliases postmaster ,abuse  admin }\n  group admins }',
            after: [
                'company acme "ACME" {',
                '    domain acme.example',
                '    user alice "Alice" {',
                '        groups admins, staff',
                '        aliases postmaster, abuse',
                '        admin',
                '    }',
                '    group admins',
                '}'
            ].join('\n'),
            disposeAfterCheck: true
        });
    });

    test('servers and VMs: short blocks are opened up, roles keep one space after commas', async () => {
        await formatting({
            before: 'server hv1 {\npublic 203.0.113.10 on wm0\n   vm auth  { memory 512 MB  runs ldap,dns }\n}',
            after: [
                'server hv1 {',
                '    public 203.0.113.10 on wm0',
                '    vm auth {',
                '        memory 512 MB',
                '        runs ldap, dns',
                '    }',
                '}'
            ].join('\n'),
            disposeAfterCheck: true
        });
    });

    test('one space around `->`; group includes on its own line; empty blocks stay on one line', async () => {
        await formatting({
            before: 'company a {\nalias sales->alice , bob\ngroup staff { includes admins }\nmail {}\n}',
            after: [
                'company a {',
                '    alias sales -> alice, bob',
                '    group staff {',
                '        includes admins',
                '    }',
                '    mail { }',
                '}'
            ].join('\n'),
            disposeAfterCheck: true
        });
    });

    test('exactly one blank line between top-level blocks; one blank line inside a block is kept, more are folded', async () => {
        await formatting({
            before: 'company a {\n    domain a.example\n\n\n\n    user u\n    user v\n}\n\n\n\nserver s {\n}\ncompany b {\n}',
            after: 'company a {\n    domain a.example\n\n    user u\n    user v\n}\n\nserver s { }\n\ncompany b { }',
            disposeAfterCheck: true
        });
    });

    test('indentation follows the editor: tabs when it asks for tabs, its tab size for spaces', async () => {
        await formatting({
            before: 'server s {\nvm v { runs ldap }\n}',
            after: 'server s {\n\tvm v {\n\t\truns ldap\n\t}\n}',
            options: { tabSize: 8, insertSpaces: false },
            disposeAfterCheck: true
        });
        await formatting({
            before: 'server s {\nvm v\n}',
            after: 'server s {\n  vm v\n}',
            options: { tabSize: 2, insertSpaces: true },
            disposeAfterCheck: true
        });
    });

    test('the extension makes 4 spaces the default for .company files', () => {
        expect(manifest.contributes.configurationDefaults['[company]']).toEqual({ 'editor.tabSize': 4, 'editor.insertSpaces': true });
    });

    test('doc comments stay right above what they document', async () => {
        await formatting({
            before: 'company a {\n/** The boss. */\nuser boss\n}\n/** The box. */\nserver s { vm v }',
            after: 'company a {\n    /** The boss. */\n    user boss\n}\n/** The box. */\nserver s {\n    vm v\n}',
            disposeAfterCheck: true
        });
    });
});

const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8'));

describe('formatting the examples', () => {
    const examplesDir = join(import.meta.dirname, '..', '..', 'examples');
    const examples = readdirSync(examplesDir).filter(f => f.endsWith('.company'));

    test.each(examples)('%s: formatting is idempotent and keeps the parse', async file => {
        const original = readFileSync(join(examplesDir, file), 'utf8');
        const once = await format(original);
        const twice = await format(once);
        expect(twice).toBe(once);
        const before = await astShape(original);
        const after = await astShape(once);
        expect(after.errors).toBe(before.errors);
        expect(after.ast).toBe(before.ast);
        expect(once).toMatch(/\n {4}vm \w+ \{\n {8}/); // the VM one-liners were opened up
    });
});

describe('formatting half-typed files', () => {
    test('every line prefix of acme.company formats without failing and keeps its tokens', async () => {
        const acme = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'acme.company'), 'utf8');
        const lines = acme.split('\n');
        for (let n = 1; n <= lines.length; n++) {
            const prefix = lines.slice(0, n).join('\n');
            const formatted = await format(prefix);
            expect(formatted.replace(/\s+/g, ''), `prefix of ${n} lines`).toBe(prefix.replace(/\s+/g, ''));
        }
    });
});
