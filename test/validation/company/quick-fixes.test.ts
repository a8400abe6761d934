import { describe, expect, test } from 'vitest';
import { testCodeAction } from 'langium/test';
import { CompanyCodes } from '../../../src/language/validation/company-codes.js';
import { CompanyDsl, parseSpec } from '../../support/services.js';
import { applyFix, diagnosticsWith, fixesFor } from '../../support/apply-fix.js';
import { applyWorkspaceEdit, loadWorkspace, workspaceErrors } from '../../support/workspace.js';

/** A company that is otherwise clean, with `body` inside. */
const company = (body: string, name = 'acme') =>
    `company ${name} {\n    domain ${name}.example\n    user root { aliases postmaster, abuse  admin }\n${body}}\n`;

describe('remove duplicate', () => {
    test('removes a repeated group and its comma', async () => {
        const fix = await applyFix(company('    user bob { groups staff, staff }\n    group staff\n'), CompanyCodes.DuplicateEntry);
        expect(fix.title).toBe('Remove the duplicate');
        expect(fix.text).toContain('user bob { groups staff }');
        expect(fix.remaining).toEqual([]);
    });

    test('removes a repeated service in the middle of the list', async () => {
        const fix = await applyFix(company('    services git, git, website\n'), CompanyCodes.DuplicateEntry);
        expect(fix.text).toContain('services git, website\n');
        expect(fix.remaining).toEqual([]);
    });

    test('removes a lone alias that is the user\'s own address, with its keyword', async () => {
        const fix = await applyFix(company('    user bob {\n        aliases bob\n        quota 1 GB\n    }\n'), CompanyCodes.DuplicateEntry);
        expect(fix.text).toContain('    user bob {\n        quota 1 GB\n    }\n');
        expect(fix.remaining).toEqual([]);
    });

    test('works through langium/test testCodeAction', async () => {
        const input = company('    alias sales -> root, "x@partner.example", root\n');
        const result = await testCodeAction(CompanyDsl)(input, CompanyCodes.DuplicateEntry,
            input.replace('root, "x@partner.example", root', 'root, "x@partner.example"'));
        await result.dispose();
    });
});

describe('rename to lower case', () => {
    test('renames a user and every reference to it, qualified or not', async () => {
        const fix = await applyFix(company('    user Bob { groups staff }\n    group staff\n    alias sales -> Bob, acme.Bob\n'),
            CompanyCodes.NameCase);
        expect(fix.title).toBe("Rename to 'bob'");
        expect(fix.text).toContain('    user bob { groups staff }\n');
        expect(fix.text).toContain('alias sales -> bob, acme.bob\n');
        expect(fix.remaining).toEqual([]);
    });

    test('renames a company and the qualifier of references into it', async () => {
        const text = company('    alias sales -> Acme.root\n', 'Acme').replace('domain Acme.example', 'domain acme.example');
        const fix = await applyFix(text, CompanyCodes.NameCase);
        expect(fix.text).toContain('company acme {');
        expect(fix.text).toContain('alias sales -> acme.root');
        expect(fix.remaining).toEqual([]);
        const errors = ((await parseSpec(fix.text)).diagnostics ?? []).filter(d => d.severity === 1);
        expect(errors).toEqual([]);
    });

    test('renames a quoted alias name and its references', async () => {
        const fix = await applyFix(company('    alias "Info" -> root\n    alias sales -> Info\n'), CompanyCodes.NameCase);
        expect(fix.text).toContain('alias "info" -> root\n    alias sales -> info\n');
        expect(fix.remaining).toEqual([]);
    });

    test('renames a company in every file: `hosts` and the qualifier of references into it', async () => {
        const files = {
            'a.company': company('', 'Acme').replace('domain Acme.example', 'domain acme.example'),
            'b.company': company('    alias fw -> Acme.root\n', 'globex') + 'server hv1 {\n    public 203.0.113.10 on wm0\n    hosts Acme, globex\n}\n'
        };
        const workspace = await loadWorkspace(files);
        const a = workspace['a.company'];
        const diagnostic = (a.diagnostics ?? []).find(d => d.code === CompanyCodes.NameCase)!;
        const actions = await CompanyDsl.lsp.CodeActionProvider!.getCodeActions(a, {
            textDocument: { uri: a.textDocument.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
        }) ?? [];
        expect(actions.map(action => action.title)).toEqual(["Rename to 'acme'"]);
        const fixed = applyWorkspaceEdit(workspace, 'edit' in actions[0] ? actions[0].edit : undefined);
        expect(fixed['a.company']).toBe(files['a.company'].replace('company Acme', 'company acme'));
        expect(fixed['b.company']).toBe(files['b.company'].replace('Acme.root', 'acme.root').replace('hosts Acme', 'hosts acme'));
        expect(await workspaceErrors(fixed)).toEqual([]);
    });

    test('lower-cases an e-mail local part in place', async () => {
        const fix = await applyFix(company('    user bob { email Bob.Martin }\n'), CompanyCodes.NameCase);
        expect(fix.text).toContain('email bob.martin');
        expect(fix.remaining).toEqual([]);
    });
});

describe('add postmaster and abuse aliases', () => {
    const noRoles = (users: string) => `company acme {\n    domain acme.example\n${users}}\n`;

    test('extends the aliases of the first admin', async () => {
        const fix = await applyFix(noRoles('    user bob\n    user alice { aliases info  admin }\n'), CompanyCodes.MissingPostmaster);
        expect(fix.title).toBe("Add alias 'postmaster' to user alice");
        expect(fix.text).toContain('user alice { aliases info, postmaster  admin }');
        expect(fix.remaining).toEqual([]);
    });

    test('adds an aliases line under the last property of a multi-line block', async () => {
        const fix = await applyFix(noRoles('    user alice {\n        admin\n    }\n'), CompanyCodes.MissingAbuse);
        expect(fix.text).toContain('    user alice {\n        admin\n        aliases abuse\n    }\n');
        expect(fix.remaining).toEqual([]);
    });

    test('gives the first user a block when there is no admin and no block', async () => {
        const fix = await applyFix(noRoles('    user bob "Bob"\n'), CompanyCodes.MissingPostmaster);
        expect(fix.text).toContain('user bob "Bob" { aliases postmaster }\n');
        expect(fix.remaining).toEqual([]);
    });

    test('fills an empty block', async () => {
        const fix = await applyFix(noRoles('    user bob {}\n'), CompanyCodes.MissingPostmaster);
        expect(fix.text).toContain('user bob { aliases postmaster }\n');
    });

    test('offers nothing for a company without users', async () => {
        const text = noRoles('');
        const [diagnostic] = await diagnosticsWith(text, CompanyCodes.MissingPostmaster);
        expect(await fixesFor(text, diagnostic)).toEqual([]);
    });
});

describe('remove the clear password', () => {
    test('removes a password line', async () => {
        const fix = await applyFix(company('    user bob {\n        password "hunter2"\n        quota 1 GB\n    }\n'), CompanyCodes.ClearPassword);
        expect(fix.title).toBe('Remove the clear password');
        expect(fix.text).toContain('    user bob {\n        quota 1 GB\n    }\n');
        expect(fix.text).not.toContain('hunter2');
        expect(fix.remaining).toEqual([]);
    });

    test('removes an inline password', async () => {
        const fix = await applyFix(company('    user bob { quota 1 GB  password "hunter2" }\n'), CompanyCodes.ClearPassword);
        expect(fix.text).toContain('user bob { quota 1 GB }');
    });
});

describe('add the missing unit', () => {
    test('a quota gets GB', async () => {
        const fix = await applyFix(company('    user bob { quota 20 }\n'), CompanyCodes.SizeMissingUnit);
        expect(fix.title).toBe('Write 20 GB');
        expect(fix.text).toContain('quota 20 GB }');
        expect(fix.remaining).toEqual([]);
    });

    test('a message size gets MB', async () => {
        const fix = await applyFix(company('    mail { max-message-size 25 }\n'), CompanyCodes.SizeMissingUnit);
        expect(fix.text).toContain('max-message-size 25 MB }');
        expect(fix.remaining).toEqual([]);
    });
});

describe('fix a time zone', () => {
    test('corrects a typo', async () => {
        const fix = await applyFix(company('    timezone Europe/Berln\n'), CompanyCodes.UnknownTimezone);
        expect(fix.title).toBe('Change to Europe/Berlin');
        expect(fix.text).toContain('timezone Europe/Berlin\n');
        expect(fix.remaining).toEqual([]);
    });

    test('corrects the case', async () => {
        const fix = await applyFix(company('    timezone "america/new_york"\n'), CompanyCodes.UnknownTimezone);
        expect(fix.text).toContain('timezone America/New_York\n');
        expect(fix.remaining).toEqual([]);
    });

    test('offers nothing when no zone is close', async () => {
        const text = company('    timezone Mars/Olympus_Mons\n');
        const [diagnostic] = await diagnosticsWith(text, CompanyCodes.UnknownTimezone);
        expect(await fixesFor(text, diagnostic)).toEqual([]);
    });
});

describe('enable a configured service', () => {
    test('appends it to the services line', async () => {
        const fix = await applyFix(company('    services website\n    git { registration open }\n'), CompanyCodes.ServiceNotEnabled);
        expect(fix.title).toBe('Add git to services');
        expect(fix.text).toContain('services website, git\n');
        expect(fix.remaining).toEqual([]);
    });

    test('writes a services line when there is none', async () => {
        const fix = await applyFix(company('    meet { lobby on }\n'), CompanyCodes.ServiceNotEnabled);
        expect(fix.text).toContain('    services meet\n    meet { lobby on }\n');
        expect(fix.remaining).toEqual([]);
    });
});

describe('remove a repeated setting', () => {
    test('a second `domain` line goes', async () => {
        const fix = await applyFix(company('    domain acme.example\n'), CompanyCodes.DuplicateSetting);
        expect(fix.title).toBe('Remove this domain');
        expect(fix.text).toBe(company(''));
        expect(fix.remaining).toEqual([]);
    });

    test('a user\'s second `admin` goes, and the blanks before it', async () => {
        const fix = await applyFix(company('    user bob { admin  quota 1 GB  admin }\n'), CompanyCodes.DuplicateSetting);
        expect(fix.title).toBe('Remove this admin');
        expect(fix.text).toContain('    user bob { admin  quota 1 GB }\n');
        expect(fix.remaining).toEqual([]);
    });

    test('a repeated service setting goes', async () => {
        const fix = await applyFix(company('    services git\n    git { registration open  registration closed }\n'), CompanyCodes.DuplicateSetting);
        expect(fix.title).toBe('Remove this registration');
        expect(fix.text).toContain('    git { registration open }\n');
        expect(fix.remaining).toEqual([]);
    });

    test.each([
        ['a `services` line', '    services git\n    services website\n'],
        ['a `mail { … }` block', '    mail { spam-threshold 5 }\n    mail { dkim-selector s1 }\n']
    ])('%s repeated holds values of its own: no fix, they are to be merged', async (_what, body) => {
        const text = company(body);
        const [diagnostic] = await diagnosticsWith(text, CompanyCodes.DuplicateSetting);
        expect(diagnostic).toBeDefined();
        expect(await fixesFor(text, diagnostic)).toEqual([]);
    });

    test('a repeated service block holds settings of its own: no fix, they are to be merged', async () => {
        const text = company('    services git\n    git { registration open }\n    git { ssh-port 2222 }\n');
        const [diagnostic] = await diagnosticsWith(text, CompanyCodes.DuplicateSetting);
        expect(diagnostic).toBeDefined();
        expect(await fixesFor(text, diagnostic)).toEqual([]);
    });
});
