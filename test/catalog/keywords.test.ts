import { AstUtils, GrammarAST } from 'langium';
import { describe, expect, test } from 'vitest';
import { KEYWORDS, keywordDoc } from '../../src/language/catalog/keywords.js';
import { ROLE_NAMES } from '../../src/language/catalog/roles.js';
import { SERVICE_NAMES } from '../../src/language/catalog/services.js';
import { CompanyDslGrammar } from '../../src/language/generated/grammar.js';

/** The catalogs feed hover, completion and the README: they must know every word of the grammar. */
const grammar = CompanyDslGrammar();

function keywordsOfRule(name?: string): string[] {
    const root = name ? grammar.rules.find(r => r.name === name) : grammar;
    if (!root) {
        throw new Error(`no rule ${name}`);
    }
    return [...new Set(AstUtils.streamAllContents(root).filter(GrammarAST.isKeyword).map(k => k.value))];
}

const wordKeywords = keywordsOfRule().filter(k => /^[A-Za-z][\w-]*$/.test(k)).sort();

describe('keyword catalog', () => {
    test('the grammar has the keywords we expect to check', () => {
        expect(wordKeywords).toContain('company');
        expect(wordKeywords).toContain('password-hash');
        expect(wordKeywords.length).toBeGreaterThan(50);
    });

    test.each(wordKeywords)('keyword `%s` has an entry with syntax and summary', keyword => {
        const doc = keywordDoc(keyword);
        expect(doc, `catalog/keywords.ts lacks "${keyword}"`).toBeDefined();
        expect(doc!.syntax.length).toBeGreaterThan(0);
        expect(doc!.summary.length).toBeGreaterThan(10);
    });

    test('every catalog entry is a keyword of the grammar (no stale entries)', () => {
        expect(KEYWORDS.map(k => k.keyword).filter(k => !wordKeywords.includes(k))).toEqual([]);
    });

    test('no keyword is listed twice', () => {
        const names = KEYWORDS.map(k => k.keyword);
        expect(names.filter((k, i) => names.indexOf(k) !== i)).toEqual([]);
    });
});

describe('role and service catalogs', () => {
    test('every role of the grammar has a role entry, and no more', () => {
        expect([...ROLE_NAMES].sort()).toEqual(keywordsOfRule('RoleKind').sort());
    });

    test('every service of the grammar has a service entry, and no more', () => {
        expect([...SERVICE_NAMES].sort()).toEqual(keywordsOfRule('ServiceKind').sort());
    });
});
