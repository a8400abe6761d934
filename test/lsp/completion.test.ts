import { expectCompletion } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { CompletionItem, CompletionList, MarkupContent } from 'vscode-languageserver';
import { ROLE_NAMES } from '../../src/language/catalog/roles.js';
import { SERVICE_NAMES } from '../../src/language/catalog/services.js';
import { CompanyDsl } from '../support/services.js';

const completion = expectCompletion(CompanyDsl);

/** The completion list at `<|>` (index 0), handed to `check`. */
async function completeAt(text: string, check: (list: CompletionList) => void): Promise<void> {
    await completion({ text, index: 0, assert: check, disposeAfterCheck: true });
}

const labels = (list: CompletionList) => list.items.map(i => i.label);
const item = (list: CompletionList, label: string): CompletionItem => {
    const found = list.items.find(i => i.label === label);
    expect(found, `no completion item "${label}" in ${labels(list).join(' ')}`).toBeDefined();
    return found!;
};
const docText = (i: CompletionItem) => (i.documentation as MarkupContent | undefined)?.value ?? '';

describe('keywords', () => {
    test('members of a company, each documented from the keyword table', async () => {
        await completeAt('company a {\n    <|>\n}', list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['domain', 'timezone', 'locale', 'user', 'group', 'alias', 'mail', 'services']));
            expect(labels(list)).not.toContain('vm');
            expect(docText(item(list, 'domain'))).toContain('DNS domain');
            expect(docText(item(list, 'user'))).toContain('user ID "Full Name"');
        });
    });

    test('members of a VM', async () => {
        await completeAt('server s { vm v { <|> } }', list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['memory', 'cpus', 'disk', 'address', 'runs']));
            expect(labels(list)).not.toContain('user');
        });
    });

    test('where a name is written, keywords are not offered (every keyword is a valid name)', async () => {
        await completeAt('company a { user <|> }', list => {
            expect(labels(list)).not.toContain('company');
            expect(labels(list)).not.toContain('ldap');
            expect(labels(list)).not.toContain('GB');
        });
    });
});

describe('values', () => {
    test('role names after `runs`, with the role documentation', async () => {
        await completeAt('server s { vm v { runs <|> } }', list => {
            expect([...labels(list)].sort()).toEqual([...ROLE_NAMES].sort());
            const ldap = item(list, 'ldap');
            expect(ldap.detail).toBe('Role');
            expect(docText(ldap)).toContain('Conventional VM:** `auth`');
        });
    });

    test('role names after a comma in a role list', async () => {
        await completeAt('server s { vm v { runs ldap, <|> } }', list => {
            expect(labels(list)).toEqual(expect.arrayContaining([...ROLE_NAMES]));
        });
    });

    test('service names after `services` and after a comma', async () => {
        await completeAt('company a { services <|> }', list => {
            expect([...labels(list)].sort()).toEqual([...SERVICE_NAMES].sort());
            expect(docText(item(list, 'cloud'))).toContain('Nextcloud');
        });
        await completeAt('company a { services website, <|> }', list => {
            expect(labels(list)).toEqual(expect.arrayContaining([...SERVICE_NAMES]));
        });
    });

    test('size units after a number', async () => {
        await completeAt('server s { vm v { memory 512 <|> } }', list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['KB', 'MB', 'GB', 'TB']));
            expect(item(list, 'GB').detail).toBe('Size unit');
            expect(docText(item(list, 'MB'))).toContain('Mebibytes');
        });
    });

    test('IANA time zones after `timezone`', async () => {
        await completeAt('company a { timezone <|> }', list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['UTC', 'Europe/Berlin', 'America/New_York']));
            expect(labels(list)).not.toContain('company');
        });
    });

    test('a zone typed halfway is replaced as a whole, slash included', async () => {
        await completeAt('company a { timezone Europe/Ber<|> }', list => {
            const berlin = item(list, 'Europe/Berlin');
            const edit = berlin.textEdit as { range: { start: { character: number } } };
            expect(edit.range.start.character).toBe('company a { timezone '.length);
        });
    });

    test('setting keys inside a service block are that service\'s keys only', async () => {
        await completeAt('company a { git { <|> } }', list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['hostname', 'registration', 'ssh-port']));
            expect(labels(list)).not.toContain('quota');
            expect(labels(list)).not.toContain('lobby');
            expect(docText(item(list, 'registration'))).toContain('Default: closed');
        });
        await completeAt('company a { cloud { hostname files\n <|> } }', list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['hostname', 'quota']));
            expect(labels(list)).not.toContain('registration');
        });
    });

    test('choice and flag values of a setting', async () => {
        await completeAt('company a { git { registration <|> } }', list => {
            expect(labels(list)).toEqual(['open', 'closed']);
            expect(item(list, 'closed').detail).toContain('(default)');
        });
        await completeAt('company a { meet { lobby <|> } }', list => {
            expect([...labels(list)].sort()).toEqual(['off', 'on']);
        });
    });
});

describe('references', () => {
    test('groups of the company in `groups`', async () => {
        await completeAt('company a { user u { groups <|> } group staff group admins }', list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['staff', 'admins']));
        });
    });

    test('recipients of an alias', async () => {
        await completeAt('company a { user alice alias sales -> <|> }', list => {
            expect(labels(list)).toContain('alice');
        });
    });

    test('VMs after `from`, qualified by their server', async () => {
        await completeAt('server hv1 { vm auth { runs ldap } }\nserver hv2 { vm r { runs ldap from <|> } }', list => {
            expect(labels(list)).toContain('hv1.auth');
        });
    });
});
