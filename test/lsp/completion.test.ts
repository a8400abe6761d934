import { clearDocuments, expectCompletion } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type MarkupContent } from 'vscode-languageserver';
import { ROLE_NAMES } from '../../src/language/catalog/roles.js';
import { SERVICE_NAMES } from '../../src/language/catalog/services.js';
import { CompanyDsl, parseSpec, services } from '../support/services.js';

const completion = expectCompletion(CompanyDsl);

/** The completion list at `<|>` (index 0), handed to `check`. */
async function completeAt(text: string, check: (list: CompletionList) => void): Promise<void> {
    await completion({ text, index: 0, assert: check, disposeAfterCheck: true });
}

/** Exactly these labels at `<|>`, in this order (sorted by sortText as `expectCompletion` does). */
async function expectLabels(text: string, expectedItems: string[]): Promise<void> {
    await completion({ text, index: 0, expectedItems, disposeAfterCheck: true });
}

/** Another spec in the workspace, as a second open file would be. */
afterEach(() => clearDocuments(services.shared));

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
            expect([...labels(list)].sort()).toEqual(SERVICE_NAMES.filter(s => s !== 'website').sort());
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
            expect(labels(list)).toContain('quota');
            expect(labels(list)).not.toContain('registration');
        });
    });

    test('a setting key the service block already has is not offered again, as validation refuses it twice', async () => {
        await completeAt('company a { git { registration open\n <|> } }', list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['hostname', 'ssh-port']));
            expect(labels(list)).not.toContain('registration');
        });
        const document = await parseSpec('company a { domain a.example  services git  git { registration open  registration closed } }');
        expect((document.diagnostics ?? []).map(d => d.code)).toContain('duplicate-setting');
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

describe('lines a block holds once', () => {
    test('a company offers domain, timezone, locale, services and mail only while it has none', async () => {
        const text = 'company a {\n    domain a.example\n    timezone UTC\n    locale de_DE\n    services git\n    mail { }\n    <|>\n}';
        await completeAt(text, list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['user', 'group', 'alias', 'git']));
            for (const keyword of ['domain', 'timezone', 'locale', 'services', 'mail']) {
                expect(labels(list)).not.toContain(keyword);
            }
        });
    });

    test('a line further down counts too, and the line being typed does not count', async () => {
        await completeAt('company a {\n    <|>\n    domain a.example\n}', list => {
            expect(labels(list)).not.toContain('domain');
            expect(labels(list)).toContain('timezone');
        });
        await completeAt('company a {\n    domain<|>\n}', list => {
            expect(labels(list)).toContain('domain');
        });
        await completeAt('company a {\n    domain a.example\n    domain<|>\n}', list => {
            expect(labels(list)).not.toContain('domain');
        });
    });

    test('a service block already written is not offered again', async () => {
        await completeAt('company a {\n    cloud { quota 5 GB }\n    <|>\n}', list => {
            expect(labels(list)).not.toContain('cloud');
            expect(labels(list)).toEqual(expect.arrayContaining(['git', 'meet']));
        });
    });

    test('a server offers its single-valued settings once, `hosts` and `vm` always', async () => {
        const text = 'server s {\n    os netbsd 10.1\n    public 203.0.113.10 on wm0\n    ipv6 2001:db8::1\n    network 10.0.0.0/24\n'
            + '    mirror "https://cdn.example"\n    resources { memory 8 GB }\n    placement explicit\n    hosts a\n    vm v { }\n    <|>\n}';
        await expectLabels(text, ['hosts', 'vm', 'vm … { … }']);
    });

    test('the settings of the block at the cursor count, not those of the block before it', async () => {
        await completeAt('server s {\n    vm v { memory 1 GB }\n    <|>\n}', list => {
            expect(labels(list)).toEqual(expect.arrayContaining(['os', 'public', 'resources', 'vm']));
        });
        await completeAt('server s {\n    resources { memory 8 GB }\n    vm v { <|> }\n}', list => {
            expect(labels(list)).toContain('memory');
        });
    });

    test('a VM offers memory, cpus, disk and address once, `runs` always', async () => {
        await expectLabels('server s { vm v { memory 1 GB  cpus 2  disk 10 GB  address 10.0.0.5  <|> } }', ['runs']);
        await expectLabels('server s { vm v { runs dns  memory 1 GB  <|> } }', ['cpus', 'disk', 'address', 'runs']);
    });

    test('server resources and the mail block offer each setting once', async () => {
        await expectLabels('server s { resources { memory 8 GB  <|> } }', ['cpus', 'disk']);
        await expectLabels('company a { mail { spam-threshold 5  <|> } }', ['max-message-size', 'dkim-selector']);
    });

    test('a user offers email, admin, quota and password-hash once, and the clear password never', async () => {
        await expectLabels('company a { user u { <|> } }', ['email', 'groups', 'aliases', 'admin', 'quota', 'password-hash']);
        await expectLabels('company a { user u { email uu  admin  quota 1 GB  password-hash "$6$x"  <|> } }', ['groups', 'aliases']);
    });

    /** One line per keyword completion hides once written; validation must refuse the same line twice. */
    const ONCE: ReadonlyArray<{ keyword: string, spec: (line: string) => string, line: string }> = [
        { keyword: 'domain', spec: l => `company a { ${l} }`, line: 'domain a.example' },
        { keyword: 'timezone', spec: l => `company a { ${l} }`, line: 'timezone UTC' },
        { keyword: 'locale', spec: l => `company a { ${l} }`, line: 'locale de_DE' },
        { keyword: 'services', spec: l => `company a { ${l} }`, line: 'services git' },
        { keyword: 'mail', spec: l => `company a { ${l} }`, line: 'mail { }' },
        { keyword: 'max-message-size', spec: l => `company a { mail { ${l} } }`, line: 'max-message-size 10 MB' },
        { keyword: 'os', spec: l => `server s { ${l} }`, line: 'os netbsd' },
        { keyword: 'public', spec: l => `server s { ${l} }`, line: 'public 203.0.113.10' },
        { keyword: 'ipv6', spec: l => `server s { ${l} }`, line: 'ipv6 2001:db8::1' },
        { keyword: 'network', spec: l => `server s { ${l} }`, line: 'network 10.0.0.0/24' },
        { keyword: 'mirror', spec: l => `server s { ${l} }`, line: 'mirror "https://cdn.example"' },
        { keyword: 'resources', spec: l => `server s { ${l} }`, line: 'resources { }' },
        { keyword: 'placement', spec: l => `server s { ${l} }`, line: 'placement explicit' },
        { keyword: 'memory', spec: l => `server s { vm v { ${l} } }`, line: 'memory 1 GB' },
        { keyword: 'cpus', spec: l => `server s { vm v { ${l} } }`, line: 'cpus 2' },
        { keyword: 'disk', spec: l => `server s { resources { ${l} } }`, line: 'disk 10 GB' },
        { keyword: 'address', spec: l => `server s { vm v { ${l} } }`, line: 'address 10.0.0.5' }
    ];

    test.each(ONCE)('completion and validation agree that `$keyword` is written once', async ({ keyword, spec, line }) => {
        await completeAt(spec(`${line}\n<|>`), list => expect(labels(list)).not.toContain(keyword));
        const document = await parseSpec(spec(`${line}\n${line}`));
        const codes = (document.diagnostics ?? []).filter(d => d.severity === 1).map(d => d.code);
        expect(codes, `codes: ${codes.join(', ')}`).toContain('duplicate-setting');
    });

    test('lines that add up are offered again, as validation accepts them twice', async () => {
        await completeAt('company a { domain a.example }\nserver s { hosts a\n<|> }', list => expect(labels(list)).toContain('hosts'));
        await completeAt('server s { vm v { runs dns\n<|> } }', list => expect(labels(list)).toContain('runs'));
        await completeAt('company a { user u { groups g\n<|> } group g }', list => expect(labels(list)).toContain('groups'));
    });
});

describe('references', () => {
    test('groups of the same company only, by simple name, even from another file', async () => {
        await parseSpec('company beta { domain beta.example  group ops }');
        await expectLabels('company acme { user u { groups <|> } group staff group admins }\ncompany gamma { group sales }',
            ['staff', 'admins']);
    });

    test('a group does not include itself, and a list does not repeat an entry', async () => {
        await expectLabels('company a { group staff { includes <|> } group admins group ops }', ['admins', 'ops']);
        await expectLabels('company a { user u { groups staff, <|> } group staff group admins }', ['admins']);
        await completeAt('company a { user u { groups staff, admins<|> } group staff group admins }', list => {
            expect(labels(list)).toContain('admins');
        });
    });

    test('alias targets: own recipients by simple name, other companies\' qualified, never the alias itself', async () => {
        await parseSpec('company initech { domain initech.example  user peter }');
        await completeAt('company acme { user alice group staff alias info -> alice alias sales -> <|> }\ncompany globex { user hank }', list => {
            expect([...labels(list)].sort()).toEqual(['alice', 'globex.hank', 'info', 'initech.peter', 'staff']);
        });
    });

    test('`from` offers the VMs running that role as a primary: own server\'s by simple name', async () => {
        const servers = 'server hv1 { vm auth { runs ldap, dns } vm meet { runs meet } vm www { runs website } }\n'
            + 'server hv2 { vm dir { runs ldap } vm meet2 { runs meet } vm r { runs ldap from <|> } }';
        await completeAt(servers, list => expect([...labels(list)].sort()).toEqual(['dir', 'hv1.auth']));
        await completeAt(servers.replace('ldap from', 'dns from'), list => expect(labels(list)).toEqual(['hv1.auth']));
        await completeAt(servers.replace('ldap from', 'videobridge for'), list => expect([...labels(list)].sort()).toEqual(['hv1.meet', 'meet2']));
    });

    test('a replica is not offered as a source', async () => {
        await expectLabels('server hv1 { vm auth { runs ldap } vm r1 { runs ldap from auth } vm r2 { runs ldap from <|> } }', ['auth']);
    });

    test('`hosts` offers the companies that no server hosts yet', async () => {
        await parseSpec('company d { domain d.example }\nserver s0 { hosts d }');
        await expectLabels('company a { }\ncompany b { }\ncompany c { }\nserver s1 { hosts a }\nserver s2 { hosts <|> }', ['b', 'c']);
        await expectLabels('company a { }\ncompany b { }\nserver s1 { hosts a, <|> }', ['b']);
    });
});

describe('templates', () => {
    test('a user template where a company member may start, offering the company\'s groups', async () => {
        await completeAt('company a {\n    group staff\n    group admins\n    <|>\n}', list => {
            const user = item(list, 'user … { … }');
            expect(user.kind).toBe(CompletionItemKind.Snippet);
            expect(user.insertTextFormat).toBe(InsertTextFormat.Snippet);
            expect(user.filterText).toBe('user');
            expect(user.textEdit?.newText).toContain('groups ${3|staff,admins|}');
            expect(docText(user)).toContain('user bob "Bob Martin" {\n    groups staff\n}');
            expect(labels(list)).not.toContain('vm … { … }');
        });
    });

    test('a VM template where a server member may start', async () => {
        await completeAt('server s {\n    <|>\n}', list => {
            const vm = item(list, 'vm … { … }');
            expect(vm.kind).toBe(CompletionItemKind.Snippet);
            expect(vm.textEdit?.newText).toMatch(/^vm \$\{1:name\} \{ memory \$\{2:1 GB\}/);
            expect(docText(vm)).toContain('vm name { memory 1 GB  disk 20 GB  runs website }');
            expect(labels(list)).not.toContain('user … { … }');
        });
    });

    test('no template inside a list, a service block or a user', async () => {
        for (const text of ['company a { services <|> }', 'company a { user u { groups a, <|> } group a }', 'company a { cloud { <|> } }',
            'company a { user u { <|> } }', 'server s { vm v { <|> } }']) {
            await completeAt(text, list => {
                expect(list.items.filter(i => i.kind === CompletionItemKind.Snippet).map(i => i.label), text).toEqual([]);
            });
        }
    });
});
