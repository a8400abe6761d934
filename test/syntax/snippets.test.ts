import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearDocuments, expectCompletion } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { expandSnippet } from '../support/snippet-expansion.js';
import { CompanyDsl, parseSpec, services } from '../support/services.js';

interface Snippet { prefix: string; body: string[]; description: string }

const root = join(import.meta.dirname, '..', '..');
const snippets: Record<string, Snippet> = JSON.parse(readFileSync(join(root, 'snippets', 'company.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** A company that the server snippet can host, and the templates can be typed into. */
const COMPANY = 'company acme "A" {\n domain acme.example\n user alice "A" { aliases postmaster, abuse  admin }\n group staff "S"\n';
const SERVER = 'server hv1 {\n public 203.0.113.10\n';

/** Where each file snippet is typed. VS Code offers file snippets anywhere, so only top-level blocks are. */
const CONTEXT: Record<string, (text: string) => string> = {
    company: text => text,
    server: text => `${COMPANY}}\n${text}`
};

async function errorsOf(text: string): Promise<string[]> {
    const document = await parseSpec(text);
    return (document.diagnostics ?? []).filter(d => d.severity === 1)
        .map(d => typeof d.message === 'string' ? d.message : d.message.value);
}

afterEach(() => clearDocuments(services.shared));

describe('snippets', () => {
    test('are contributed to the company language', () => {
        expect(manifest.contributes.snippets).toEqual([{ language: 'company', path: './snippets/company.json' }]);
    });

    test('the file holds only top-level blocks: members come from completion, where they fit', () => {
        expect(Object.values(snippets).map(s => s.prefix).sort()).toEqual(['company', 'server']);
    });

    test.each(Object.entries(snippets))('%s expands to a spec without errors', async (_name, snippet) => {
        const wrap = CONTEXT[snippet.prefix];
        expect(wrap, `no context for prefix ${snippet.prefix}`).toBeDefined();
        expect(await errorsOf(wrap(expandSnippet(snippet.body)))).toEqual([]);
    });

    test('the expansion keeps nested placeholders consistent and takes the first choice', () => {
        expect(expandSnippet(['company ${1:acme} {', '\tdomain ${3:${1}.example}', '}$0'])).toBe('company acme {\n\tdomain acme.example\n}');
        expect(expandSnippet('runs ${4|website,cloud|}$0')).toBe('runs website');
    });
});

describe('completion templates', () => {
    const completion = expectCompletion(CompanyDsl);

    /** The template item offered at `<|>`. */
    async function templateAt(text: string, label: string): Promise<CompletionItem> {
        let found: CompletionItem | undefined;
        await completion({ text, index: 0, assert: list => { found = list.items.find(i => i.label === label); }, disposeAfterCheck: true });
        expect(found, `no ${label} at the cursor of ${text}`).toBeDefined();
        expect(found!.insertTextFormat).toBe(InsertTextFormat.Snippet);
        return found!;
    }

    /** Insert the expanded template where completion offered it, and validate the result. */
    async function expectValidExpansion(text: string, label: string): Promise<string> {
        const template = await templateAt(text, label);
        const expanded = text.replace('<|>', expandSnippet(template.textEdit!.newText));
        expect(await errorsOf(expanded), expanded).toEqual([]);
        return expanded;
    }

    test('the user template expands to a valid member, in the company\'s own group', async () => {
        const expanded = await expectValidExpansion(`${COMPANY}\n <|>\n}`, 'user … { … }');
        expect(expanded).toContain('user bob "Bob Martin" {\n\tgroups staff\n}');
    });

    test('the user template of a company without groups expands to a valid member', async () => {
        await expectValidExpansion('company acme "A" {\n domain acme.example\n user alice "A" { aliases postmaster, abuse  admin }\n <|>\n}',
            'user … { … }');
    });

    test('the VM template expands to a valid member', async () => {
        const expanded = await expectValidExpansion(`${COMPANY}}\n${SERVER}\n <|>\n}`, 'vm … { … }');
        expect(expanded).toContain('vm name { memory 1 GB  disk 20 GB  runs website }');
    });
});
