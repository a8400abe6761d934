import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';
import { KEYWORDS } from '../../src/language/catalog/keywords.js';
import { SERVICES } from '../../src/language/catalog/services.js';

const root = join(import.meta.dirname, '..', '..');
const grammarPath = join(root, 'syntaxes', 'company.tmLanguage.json');
let grammar: textmate.IGrammar;

/** Tokenize with the same engine VS Code uses (vscode-textmate on Oniguruma), line by line. */
function tokenize(text: string): Array<{ text: string; scopes: string[] }> {
    const tokens: Array<{ text: string; scopes: string[] }> = [];
    let state = textmate.INITIAL;
    for (const line of text.split('\n')) {
        const result = grammar.tokenizeLine(line, state);
        for (const t of result.tokens) {
            tokens.push({ text: line.slice(t.startIndex, t.endIndex), scopes: t.scopes });
        }
        state = result.ruleStack;
    }
    return tokens;
}

const scopeOf = (text: string, word: string) =>
    tokenize(text).find(t => t.text === word)?.scopes.at(-1);

beforeAll(async () => {
    const require = createRequire(import.meta.url);
    const wasm = readFileSync(join(require.resolve('vscode-oniguruma'), '..', 'onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
    const registry = new textmate.Registry({
        onigLib: Promise.resolve({
            createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
            createOnigString: (s: string) => new oniguruma.OnigString(s)
        }),
        loadGrammar: async () => textmate.parseRawGrammar(readFileSync(grammarPath, 'utf8'), grammarPath)
    });
    grammar = (await registry.loadGrammar('source.company'))!;
});

describe('TextMate grammar', () => {
    test('every alphabetic keyword of the keyword table is highlighted as a keyword', () => {
        const plain = KEYWORDS.filter(k => k.section !== 'value' || /^(on|off)$/.test(k.keyword)).map(k => k.keyword);
        const unhighlighted = plain.filter(k => {
            const scope = scopeOf(`x ${k} y`, k) ?? '';
            return !/^(keyword|support\.type|constant\.language|storage\.type)/.test(scope);
        });
        expect(unhighlighted).toEqual([]);
    });

    test('every per-service setting key is highlighted as a property', () => {
        const keys = [...new Set(SERVICES.flatMap(s => s.settings.map(k => k.key)))];
        const missed = keys.filter(k => !/^(variable.other.property|keyword.other.setting)/.test(scopeOf(`  ${k} x`, k) ?? ''));
        expect(missed).toEqual([]);
    });

    test('declarations name their entity', () => {
        expect(scopeOf('vm auth { runs ldap }', 'auth')).toBe('entity.name.type.company');
        expect(scopeOf('user alice "Alice"', 'alice')).toBe('entity.name.type.company');
        expect(scopeOf('user alice "Alice"', 'user')).toBe('storage.type.user.company');
    });

    test('keywords inside longer words are not highlighted', () => {
        expect(scopeOf('alias my-domain -> x', 'my-domain')).toBe('entity.name.type.company');
        expect(tokenize('groups staff-mail').some(t => t.text === 'mail')).toBe(false);
    });

    test('addresses, sizes, strings and comments', () => {
        expect(scopeOf('network 10.0.0.0/24', '10.0.0.0/24')).toBe('constant.numeric.ipv4.company');
        expect(scopeOf('ipv6 2001:db8::10/64', '2001:db8::10/64')).toBe('constant.numeric.ipv6.company');
        expect(scopeOf('memory 512 MB', '512')).toBe('constant.numeric.company');
        expect(scopeOf('memory 512 MB', 'MB')).toBe('keyword.other.unit.company');
        expect(tokenize('user a "x // not a comment"').some(t => t.scopes.some(s => s.startsWith('comment')))).toBe(false);
        expect(tokenize('/** Doc */')[0].scopes.at(-1)).toBe('comment.block.documentation.company');
        expect(scopeOf('// note', '// note')).toBe('comment.line.double-slash.company');
    });

    test('the acme example tokenizes without unscoped words', () => {
        const text = readFileSync(join(root, 'examples', 'acme.company'), 'utf8');
        const bare = tokenize(text).filter(t => t.scopes.length === 1 && /^[a-z-]+$/.test(t.text.trim())
            && !/^(alice|bob|carol|admins|staff|developers|sales|dev|info|postmaster|abuse|hostmaster|closed|wm0|mail2026|acme|example|bob\.martin)$/.test(t.text.trim()));
        expect(bare.map(t => t.text)).toEqual([]);
    });
});
