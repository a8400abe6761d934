import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectFoldings, expectSymbols } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { CompanyDsl } from '../support/services.js';

const symbols = expectSymbols(CompanyDsl);
const foldings = expectFoldings(CompanyDsl);
const hosting = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'hosting.company'), 'utf8');

const KIND_NAMES = new Map(Object.entries(SymbolKind).map(([name, kind]) => [kind, name]));
const show = (s: DocumentSymbol) => `${KIND_NAMES.get(s.kind)} ${s.name}${s.detail ? ` (${s.detail})` : ''}`;

describe('document symbols', () => {
    test('companies, servers and what they hold, with kinds and details', async () => {
        await symbols({
            text: hosting,
            disposeAfterCheck: true,
            assert: list => {
                expect(list.map(show)).toEqual([
                    'Namespace acme (ACME, Inc.)',
                    'Namespace globex (Globex Corporation)',
                    'Namespace initech (Initech LLC)',
                    'Module shared1 (198.51.100.20)'
                ]);
                expect(list[1].children!.map(show)).toEqual([
                    'Object hank (Hank Scorpio)',
                    'Object frank (Frank Grimes)',
                    'Array board (Board)',
                    'Array engineering (Engineering)',
                    'Interface abuse (→ hank)'
                ]);
                expect(list[3].children!.map(show)).toContain('Class auth (ldap, dns — 10.20.0.10)');
                expect(list[3].children!.map(show)).toContain('Class data (database, cloud, git — 10.20.0.30)');
            }
        });
    });

    test('a VM without roles or address says so', async () => {
        await symbols({
            text: 'server s { vm v }',
            disposeAfterCheck: true,
            assert: list => {
                expect(list[0].children!.map(show)).toEqual(['Class v (no roles — address allocated automatically)']);
                expect(list[0].children![0].selectionRange.start.character).toBe('server s { vm '.length);
            }
        });
    });
});

describe('folding', () => {
    // A fold ends on the line before its closing brace, so the brace stays visible.
    test('every multi-line block folds', async () => {
        await foldings({
            text: [
                'company a <|{',
                '    user u "U" <|{',
                '        admin|>',
                '    }|>',
                '}',
                'server s <|{',
                '    vm v <|{',
                '        runs ldap|>',
                '    }|>',
                '}'
            ].join('\n'),
            disposeAfterCheck: true
        });
    });
});
