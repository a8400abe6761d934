import { clearDocuments, expectFindReferences, expectGoToDefinition, parseDocument, textDocumentPositionParams } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CompanyDsl } from '../support/services.js';
import { CURSOR } from './lsp-helpers.js';
import { applyWorkspaceEdit, loadWorkspace, workspaceErrors } from '../support/workspace.js';

const definition = expectGoToDefinition(CompanyDsl);
const references = expectFindReferences(CompanyDsl);

const TWO_SERVERS = `
server hv1 {
    vm <|auth|> { runs ldap, dns }
}
server hv2 {
    vm auth2 { runs ldap from <|hv1.au<|>th|>, dns from <|hv1.auth|> }
}`;

describe('go to definition', () => {
    test('a qualified VM reference `hv1.auth` leads to the VM', async () => {
        await definition({ text: TWO_SERVERS.replace(/<\|(hv1\.auth)\|>/g, '$1').replace('<|hv1.au<|>th|>', 'hv1.au<|>th'), index: 0, rangeIndex: 0, disposeAfterCheck: true });
    });

    test('a qualified group reference `globex.staff` leads to the group of that company', async () => {
        await definition({
            text: 'company globex { group <|staff|> }\ncompany acme { group staff  user a { groups globex.st<|>aff } }',
            index: 0, rangeIndex: 0, disposeAfterCheck: true
        });
    });

    test('an unqualified group reference resolves inside its own company', async () => {
        await definition({
            text: 'company globex { group staff }\ncompany acme { group <|staff|>  user a { groups st<|>aff } }',
            index: 0, rangeIndex: 0, disposeAfterCheck: true
        });
    });

    test('an alias target leads to the user; `hosts` leads to the company', async () => {
        await definition({ text: 'company acme { user <|alice|>  alias sales -> al<|>ice }', index: 0, rangeIndex: 0, disposeAfterCheck: true });
        await definition({ text: 'company <|acme|> { }\nserver s { hosts ac<|>me }', index: 0, rangeIndex: 0, disposeAfterCheck: true });
    });
});

describe('find references', () => {
    test('a VM: its qualified uses from another server (and its declaration)', async () => {
        await references({ text: TWO_SERVERS.replace('vm <|auth|>', 'vm <|au<|>th|>').replace('<|hv1.au<|>th|>', '<|hv1.auth|>'), includeDeclaration: true, disposeAfterCheck: true });
    });

    test('a group: qualified and unqualified uses', async () => {
        await references({
            text: 'company globex { group st<|>aff  user g { groups <|staff|> } }\ncompany acme { user a { groups <|globex.staff|> } }',
            includeDeclaration: false, disposeAfterCheck: true
        });
    });

    test('a user: uses in aliases', async () => {
        await references({
            text: 'company acme { user <|al<|>ice|>  alias sales -> <|alice|>, bob  user bob  alias all -> <|alice|>, sales }',
            includeDeclaration: true, disposeAfterCheck: true
        });
    });
});

/** Rename at the cursor, apply the edits, return the new text (one document). */
async function renameAt(textWithCursor: string, newName: string): Promise<string> {
    const offset = textWithCursor.indexOf(CURSOR);
    const text = textWithCursor.replace(CURSOR, '');
    const document = await parseDocument(CompanyDsl, text);
    try {
        const params = textDocumentPositionParams(document, offset);
        expect(await CompanyDsl.lsp.RenameProvider!.prepareRename(document, params)).toBeDefined();
        const edit = await CompanyDsl.lsp.RenameProvider!.rename(document, { ...params, newName });
        const edits = edit?.changes?.[document.uri.toString()] ?? [];
        return TextDocument.applyEdits(TextDocument.create('file:///r.company', 'company', 0, text), edits);
    } finally {
        await clearDocuments(CompanyDsl.shared, [document]);
    }
}

describe('rename', () => {
    test('a VM referenced as `hv1.auth` from another server keeps the qualifier', async () => {
        const renamed = await renameAt(
            'server hv1 {\n    vm au<|>th { runs ldap, dns }\n}\nserver hv2 {\n    vm auth2 { runs ldap from hv1.auth, dns from hv1.auth }\n}', 'login');
        expect(renamed).toContain('vm login { runs ldap, dns }');
        expect(renamed).toContain('runs ldap from hv1.login, dns from hv1.login }');
    });

    test('renaming from the qualified reference renames the VM, not the server', async () => {
        const renamed = await renameAt('server hv1 { vm auth }\nserver hv2 { vm r { runs ldap from hv1.a<|>uth } }', 'login');
        expect(renamed).toBe('server hv1 { vm login }\nserver hv2 { vm r { runs ldap from hv1.login } }');
    });

    test('the qualifier of a reference cannot be renamed as if it were the VM', async () => {
        const text = 'server hv1 { vm auth }\nserver hv2 { vm r { runs ldap from h<|>v1.auth } }';
        const offset = text.indexOf(CURSOR);
        const document = await parseDocument(CompanyDsl, text.replace(CURSOR, ''));
        expect(await CompanyDsl.lsp.RenameProvider!.prepareRename(document, textDocumentPositionParams(document, offset))).toBeUndefined();
        await clearDocuments(CompanyDsl.shared, [document]);
    });

    test('a user referenced in an alias', async () => {
        const renamed = await renameAt('company acme { user al<|>ice "Alice"  alias sales -> alice, "x@example.org" }\ncompany b { alias fw -> acme.alice }', 'alicia');
        expect(renamed).toBe('company acme { user alicia "Alice"  alias sales -> alicia, "x@example.org" }\ncompany b { alias fw -> acme.alicia }');
    });

    test('a group referenced in `groups` and `includes`, qualified or not', async () => {
        const renamed = await renameAt(
            'company globex { group staff { includes board }  group bo<|>ard  user h { groups board } }\ncompany acme { user a { groups globex.board } }',
            'directors');
        expect(renamed).toBe('company globex { group staff { includes directors }  group directors  user h { groups directors } }\ncompany acme { user a { groups globex.directors } }');
    });

    test('an alias with a dotted name is renamed whole', async () => {
        const renamed = await renameAt('company acme { user bob  alias first.l<|>ast -> bob  alias all -> first.last }', 'team.lead');
        expect(renamed).toBe('company acme { user bob  alias team.lead -> bob  alias all -> team.lead }');
    });
});

/** Rename at the cursor in `files[at]` with all files loaded as one workspace; the new text of every file. */
async function renameInWorkspace(files: Record<string, string>, at: string, newName: string): Promise<Record<string, string>> {
    const offset = files[at].indexOf(CURSOR);
    const workspace = await loadWorkspace({ ...files, [at]: files[at].replace(CURSOR, '') });
    const params = textDocumentPositionParams(workspace[at], offset);
    const edit = await CompanyDsl.lsp.RenameProvider!.rename(workspace[at], { ...params, newName });
    return applyWorkspaceEdit(workspace, edit);
}

describe('rename a block whose members are referenced as `block.member`', () => {
    const ACME = 'company ac<|>me {\n    domain acme.example\n    user bob { aliases postmaster, abuse  admin  groups staff }\n'
        + '    group staff\n    alias acme.x -> bob\n    alias all -> bob, staff, acme.x\n}\n';
    const GLOBEX = 'company globex {\n    domain globex.example\n    user ann { aliases postmaster, abuse  admin }\n'
        + '    alias team -> acme.staff, acme.bob\n}\nserver hv1 {\n    public 203.0.113.10 on wm0\n    hosts acme, globex\n}\n';

    test('a company: its declaration, `hosts`, and the qualifier of references to its members in another file', async () => {
        const renamed = await renameInWorkspace({ 'a.company': ACME, 'b.company': GLOBEX }, 'a.company', 'acmeco');
        expect(renamed['b.company']).toBe(GLOBEX
            .replace('team -> acme.staff, acme.bob', 'team -> acmeco.staff, acmeco.bob').replace('hosts acme,', 'hosts acmeco,'));
        // Bare names resolve inside the company, and `acme.x` is an alias's own dotted name: neither names the company.
        expect(renamed['a.company']).toBe(ACME.replace('ac<|>me {', 'acmeco {'));
        expect(await workspaceErrors(renamed)).toEqual([]);
    });

    test('a server: the qualifier of `from hv1.auth` in another file follows', async () => {
        const files = {
            'a.company': 'server h<|>v1 {\n    vm auth { runs ldap, dns }\n    vm r { runs dns from auth }\n}\n',
            'b.company': 'server hv2 {\n    vm auth2 { runs ldap from hv1.auth, dns from hv1.auth }\n}\n'
        };
        const renamed = await renameInWorkspace(files, 'a.company', 'hvx');
        expect(renamed['a.company']).toBe('server hvx {\n    vm auth { runs ldap, dns }\n    vm r { runs dns from auth }\n}\n');
        expect(renamed['b.company']).toBe('server hv2 {\n    vm auth2 { runs ldap from hvx.auth, dns from hvx.auth }\n}\n');
    });
});
