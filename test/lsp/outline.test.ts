import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expectFoldings, expectSymbols } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { CompanyDsl } from '../support/services.js';

const symbols = expectSymbols(CompanyDsl);
const foldings = expectFoldings(CompanyDsl);
const hosting = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'hosting.company'), 'utf8');
const acme = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'acme.company'), 'utf8');

const KIND_NAMES = new Map(Object.entries(SymbolKind).map(([name, kind]) => [kind, name]));
const show = (s: DocumentSymbol) => `${KIND_NAMES.get(s.kind)} ${s.name}${s.detail ? ` (${s.detail})` : ''}`;

describe('document symbols', () => {
    test('companies, servers and what they hold, with kinds and details', async () => {
        await symbols({
            text: hosting,
            disposeAfterCheck: true,
            assert: list => {
                expect(list.map(show)).toEqual([
                    'Namespace wayne (Wayne Enterprises)',
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

    test('a VM without roles says so; without an address it shows the allocated one', async () => {
        await symbols({
            text: 'server s { vm v }',
            disposeAfterCheck: true,
            assert: list => {
                expect(list[0].children!.map(show)).toEqual(['Class v (no roles — 10.0.0.20 (allocated))']);
                expect(list[0].children![0].selectionRange.start.character).toBe('server s { vm '.length);
            }
        });
    });
});

describe('document symbols of placed VMs', () => {
    test('VMs of acme.company without an address show the addresses placement allocates', async () => {
        await symbols({
            text: acme,
            disposeAfterCheck: true,
            assert: list => {
                // Declared VMs are allocated from network + 10 in source order.
                expect(list[1].children!.map(show)).toEqual([
                    'Class auth (ldap, dns — 10.0.0.10 (allocated))',
                    'Class cloud (cloud, database — 10.0.0.14 (allocated))',
                    'Class meet (meet — 10.0.0.16 (allocated))'
                ]);
            }
        });
    });

    test('a written address is shown as written, and the others skip it', async () => {
        await symbols({
            text: 'server s { vm a { runs ldap }  vm b { address 10.0.0.20  runs dns } }',
            disposeAfterCheck: true,
            assert: list => {
                expect(list[0].children!.map(show)).toEqual(['Class a (ldap — 10.0.0.21 (allocated))', 'Class b (dns — 10.0.0.20)']);
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
