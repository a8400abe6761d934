import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseSpec } from '../support/services.js';

interface Snippet { prefix: string; body: string[]; description: string }

const root = join(import.meta.dirname, '..', '..');
const snippets: Record<string, Snippet> = JSON.parse(readFileSync(join(root, 'snippets', 'company.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Expand a snippet as VS Code does when every placeholder keeps its default text. */
function expand(body: string[]): string {
    let text = body.join('\n');
    const values = new Map<string, string>();
    // Innermost placeholders first, so `${3:${1}.example}` sees the value of $1.
    for (let guard = 0; guard < 20 && /\$\{\d+:[^{}]*\}/.test(text); guard++) {
        text = text.replace(/\$\{(\d+):([^{}]*)\}/g, (_m, n: string, value: string) => {
            const resolved = value.replace(/\$\{?(\d+)\}?/g, (_r, k: string) => values.get(k) ?? '');
            values.set(n, resolved);
            return resolved;
        });
        text = text.replace(/\$\{(\d+)\}/g, (_m, n: string) => values.get(n) ?? '');
    }
    return text.replace(/\$\{?(\d+)\}?/g, (_m, n: string) => values.get(n) ?? '');
}

/** Where each snippet is typed: inside a company for a user, inside a server for a VM. */
const CONTEXT: Record<string, (text: string) => string> = {
    company: text => text,
    server: text => `company acme "A" { domain acme.example  user alice "A" { aliases postmaster, abuse  admin } }\n${text}`,
    user: text => `company acme "A" {\n domain acme.example\n user alice "A" { aliases postmaster, abuse  admin }\n group staff "S"\n${text}\n}`,
    vm: text => `company acme "A" { domain acme.example  user alice "A" { aliases postmaster, abuse  admin } }\nserver hv1 {\n public 203.0.113.10\n${text}\n}`
};

describe('snippets', () => {
    test('are contributed to the company language', () => {
        expect(manifest.contributes.snippets).toEqual([{ language: 'company', path: './snippets/company.json' }]);
    });

    test.each(Object.entries(snippets))('%s expands to a spec without errors', async (_name, snippet) => {
        const wrap = CONTEXT[snippet.prefix];
        expect(wrap, `no context for prefix ${snippet.prefix}`).toBeDefined();
        const document = await parseSpec(wrap(expand(snippet.body)));
        const errors = (document.diagnostics ?? []).filter(d => d.severity === 1).map(d => d.message);
        expect(errors).toEqual([]);
    });

    test('the expansion keeps nested placeholders consistent', () => {
        expect(expand(['company ${1:acme} {', '\tdomain ${3:${1}.example}', '}$0'])).toBe('company acme {\n\tdomain acme.example\n}');
    });
});
