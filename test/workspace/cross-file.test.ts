import { DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { createCompanyDslServices } from '../../src/language/company-dsl-module.js';

/**
 * Every .company file of a workspace is part of one spec. These tests drive the document builder
 * as the language server does (text documents, then `update`), on services of their own.
 */
const { shared } = createCompanyDslServices(EmptyFileSystem);
const builder = shared.workspace.DocumentBuilder;
const versions = new Map<string, number>();

const uriOf = (name: string) => URI.parse(`file:///ws/${name}`);

/** Open or change documents in the editor, then let the builder update as it does on an edit. */
async function edit(files: Record<string, string>): Promise<void> {
    const uris = Object.entries(files).map(([name, text]) => {
        const uri = uriOf(name).toString();
        const version = (versions.get(uri) ?? 0) + 1;
        versions.set(uri, version);
        shared.workspace.TextDocuments!.set(TextDocument.create(uri, 'company', version, text));
        return uriOf(name);
    });
    await builder.update(uris, []);
}

async function remove(name: string): Promise<void> {
    shared.workspace.TextDocuments!.delete(uriOf(name).toString());
    await builder.update([], [uriOf(name)]);
}

function documentOf(name: string): LangiumDocument {
    const document = shared.workspace.LangiumDocuments.getDocument(uriOf(name));
    expect(document?.state).toBe(DocumentState.Validated);
    return document!;
}

/** `line:column code message` of each error, 1-based, in the order of the text. */
function errors(name: string): string[] {
    return (documentOf(name).diagnostics ?? []).filter(d => d.severity === 1).sort(byPosition).map(show);
}

const byPosition = (a: Diagnostic, b: Diagnostic) =>
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;

const show = (d: Diagnostic) => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`;

/** Which documents the builder validates during `action`. */
async function validatedDuring(action: () => Promise<void>): Promise<string[]> {
    const names: string[] = [];
    const listener = builder.onDocumentPhase(DocumentState.Validated, doc => {
        names.push(doc.uri.path.split('/').at(-1)!);
    });
    try {
        await action();
    } finally {
        listener.dispose();
    }
    return names.sort();
}

const ACME = 'company acme "ACME" {\n    domain acme.example\n    user admin "Admin" { aliases postmaster, abuse }\n}\n';
const GLOBEX = 'company globex "Globex" {\n    domain globex.example\n    user admin "Admin" { aliases postmaster, abuse }\n}\n';
const server = (name: string, address: string, network: string) =>
    `server ${name} {\n    public ${address} on wm0\n    network ${network}\n}\n`;

afterEach(async () => {
    shared.workspace.TextDocuments!.all().forEach(doc => shared.workspace.TextDocuments!.delete(doc.uri));
    versions.clear();
    await clearDocuments(shared);
});

describe('duplicates across documents', () => {
    test('are reported in each document, naming the other file and line', async () => {
        await edit({
            'a.company': ACME + server('hv1', '203.0.113.10', '10.0.0.0/24'),
            'b.company': '// the same again\n' + ACME + server('hv1', '203.0.113.10', '10.0.0.0/16')
        });
        // Two servers in the workspace and no `hosts` line: neither hosts acme.
        expect(errors('a.company')).toEqual([
            "1:9 duplicate-name The company 'acme' is also declared in b.company:2; rename one of them.",
            '1:9 company-not-hosted No server hosts acme: add `hosts acme` to one of hv1.',
            "2:12 duplicate-domain The domain 'acme.example' already belongs to company 'acme' in b.company:3; give each company its own domain.",
            '5:8 duplicate-server A server named hv1 is also declared in b.company:6: rename one of them.',
            '6:12 duplicate-public-address 203.0.113.10 is already the public address of hv1 (b.company:7): each server needs its own public address.',
            "7:13 network-overlap 10.0.0.0/24 overlaps hv1's guest network 10.0.0.0/16 (b.company:8): give each server its own network, "
                + 'e.g. network 10.1.0.0/24.'
        ]);
        expect(errors('b.company')).toEqual([
            "2:9 duplicate-name The company 'acme' is also declared in a.company:1; rename one of them.",
            '2:9 company-not-hosted No server hosts acme: add `hosts acme` to one of hv1.',
            "3:12 duplicate-domain The domain 'acme.example' already belongs to company 'acme' in a.company:2; give each company its own domain.",
            '6:8 duplicate-server A server named hv1 is also declared in a.company:5: rename one of them.',
            '7:12 duplicate-public-address 203.0.113.10 is already the public address of hv1 (a.company:6): each server needs its own public address.',
            "8:13 network-overlap 10.0.0.0/16 overlaps hv1's guest network 10.0.0.0/24 (a.company:7): give each server its own network, "
                + 'e.g. network 10.1.0.0/24.'
        ]);
    });

    test('a server on the default network overlaps one in another file, and gets the quick fix data', async () => {
        await edit({
            'a.company': 'server hv1 {\n    public 203.0.113.10 on wm0\n}\n',
            'b.company': server('hv2', '203.0.113.20', '10.0.0.128/25')
        });
        const [overlap] = (documentOf('a.company').diagnostics ?? []).filter(d => d.code === 'network-overlap');
        expect(overlap.message).toBe('hv1 uses the default guest network 10.0.0.0/24, which overlaps hv2\'s 10.0.0.128/25 (b.company:3): '
            + 'give it its own, e.g. network 10.1.0.0/24.');
        expect(overlap.data).toMatchObject({ replacement: '10.1.0.0/24', server: 'hv1' });
    });

    test('a company hosted by servers in two files', async () => {
        await edit({
            'acme.company': ACME,
            'a.company': 'server hv1 {\n    public 203.0.113.10 on wm0\n    network 10.0.0.0/24\n    hosts acme\n}\n',
            'b.company': 'server hv2 {\n    public 203.0.113.20 on wm0\n    network 10.1.0.0/24\n    hosts acme\n}\n'
        });
        expect(errors('a.company')).toEqual(['4:11 company-hosted-twice acme is already hosted by hv2 (b.company:4): '
            + 'a company lives on exactly one server, so remove it from one of the two.']);
        expect(errors('b.company')).toEqual(['4:11 company-hosted-twice acme is already hosted by hv1 (a.company:4): '
            + 'a company lives on exactly one server, so remove it from one of the two.']);
    });

    test('a repeat inside one document keeps its own message; only the first one names the other file', async () => {
        await edit({ 'a.company': ACME + ACME.replace('acme.example', 'acme.test'), 'b.company': ACME });
        expect(errors('a.company').filter(e => e.includes('duplicate-name'))).toEqual([
            "1:9 duplicate-name The company 'acme' is also declared in b.company:1; rename one of them.",
            "5:9 duplicate-name The company 'acme' is declared twice (first on line 1); rename one of them."
        ]);
    });

    test('documents in other folders are named by their relative path', async () => {
        await edit({ 'a.company': ACME, 'sub/b.company': ACME });
        expect(errors('a.company')).toEqual(["1:9 duplicate-name The company 'acme' is also declared in sub/b.company:1; rename one of them.",
            "2:12 duplicate-domain The domain 'acme.example' already belongs to company 'acme' in sub/b.company:2; give each company its own domain."]);
        expect(errors('sub/b.company')[0]).toContain('is also declared in ../a.company:1;');
    });
});

describe('keeping diagnostics fresh when another document changes', () => {
    test('adding a duplicate in a new document brings the error into the open one', async () => {
        await edit({ 'a.company': ACME });
        expect(errors('a.company')).toEqual([]);
        await edit({ 'b.company': ACME });
        expect(errors('a.company')).toEqual([
            "1:9 duplicate-name The company 'acme' is also declared in b.company:1; rename one of them.",
            "2:12 duplicate-domain The domain 'acme.example' already belongs to company 'acme' in b.company:2; give each company its own domain."
        ]);
    });

    test('removing the duplicate from one document clears the other; adding it back brings it back', async () => {
        await edit({ 'a.company': ACME, 'b.company': ACME });
        expect(errors('a.company')).toHaveLength(2);

        await edit({ 'b.company': GLOBEX });
        expect(errors('a.company')).toEqual([]);
        expect(errors('b.company')).toEqual([]);

        await edit({ 'b.company': ACME });
        expect(errors('a.company')).toHaveLength(2);
        expect(errors('b.company')).toHaveLength(2);
    });

    test('deleting the other document clears the error', async () => {
        await edit({ 'a.company': ACME, 'b.company': ACME });
        expect(errors('a.company')).toHaveLength(2);
        await remove('b.company');
        expect(errors('a.company')).toEqual([]);
    });

    test('a public address or an overlapping network changed in another file is seen at once', async () => {
        await edit({ 'a.company': server('hv1', '203.0.113.10', '10.0.0.0/24'), 'b.company': server('hv2', '203.0.113.20', '10.1.0.0/24') });
        expect(errors('a.company')).toEqual([]);

        await edit({ 'b.company': server('hv2', '203.0.113.10', '10.0.0.0/16') });
        expect(errors('a.company').map(e => e.split(' ')[1])).toEqual(['duplicate-public-address', 'network-overlap']);

        await edit({ 'b.company': server('hv2', '203.0.113.20', '10.1.0.0/24') });
        expect(errors('a.company')).toEqual([]);
    });

    test('an edit re-validates only the documents that share a declaration with it', async () => {
        await edit({ 'a.company': ACME, 'b.company': ACME, 'c.company': GLOBEX });
        const validated = await validatedDuring(() => edit({ 'b.company': ACME.replace('"ACME"', '"ACME Corp"') }));
        expect(validated).toEqual(['a.company', 'b.company']);
    });

    test('an edit that shares nothing with other documents validates only itself', async () => {
        await edit({ 'a.company': ACME, 'c.company': GLOBEX });
        const validated = await validatedDuring(() => edit({ 'c.company': GLOBEX.replace('"Globex"', '"Globex Corp"') }));
        expect(validated).toEqual(['c.company']);
    });
});

describe('hosting is decided for the whole workspace', () => {
    const ACME_GIT = ACME.replace('    domain acme.example\n', '    domain acme.example\n    services git\n');
    const explicitServer = (name: string, address: string, network: string, extra = '') =>
        `server ${name} {\n    public ${address} on wm0\n    network ${network}\n    placement explicit\n${extra}    vm auth { runs ldap, dns }\n`
        + '    vm mx { runs mx }\n    vm mail { runs mail }\n    vm rproxy { runs proxy }\n}\n';

    test('the one server of the workspace, with no `hosts` line, hosts the companies of every file', async () => {
        await edit({ 'a.company': ACME_GIT, 'b.company': explicitServer('hv1', '203.0.113.10', '10.0.0.0/24') });
        expect(errors('a.company')).toEqual([]);
        // acme (in a.company) uses git, so hv1 (in b.company) needs it.
        expect(errors('b.company')).toEqual(['4:5 missing-required-role acme uses the git service, which needs git, but no VM of hv1 runs git '
            + 'and placement is explicit: add git to a VM, or remove `placement explicit` to place it on the conventional VM git.']);
    });

    test('a company the one server hosts implicitly is seen when it changes in its own file', async () => {
        await edit({ 'a.company': ACME, 'b.company': explicitServer('hv1', '203.0.113.10', '10.0.0.0/24') });
        expect(errors('b.company')).toEqual([]);
        await edit({ 'a.company': ACME_GIT });
        expect(errors('b.company').map(e => e.split(' ')[1])).toEqual(['missing-required-role']);
    });

    test('with a second server, a company no `hosts` line names is not hosted, wherever it is declared', async () => {
        await edit({ 'a.company': ACME + GLOBEX, 'b.company': server('hv1', '203.0.113.10', '10.0.0.0/24') });
        expect(errors('a.company')).toEqual([]);

        await edit({ 'c.company': server('hv2', '203.0.113.20', '10.1.0.0/24') });
        expect(errors('a.company')).toEqual([
            '1:9 company-not-hosted No server hosts acme: add `hosts acme` to one of hv1, hv2.',
            '5:9 company-not-hosted No server hosts globex: add `hosts globex` to one of hv1, hv2.'
        ]);
        const [diagnostic] = documentOf('a.company').diagnostics!.filter(d => d.code === 'company-not-hosted');
        expect(diagnostic.data).toMatchObject({ servers: ['hv1', 'hv2'] });

        // A `hosts` line in another file hosts the company it names.
        await edit({ 'c.company': server('hv2', '203.0.113.20', '10.1.0.0/24').replace('}\n', '    hosts acme\n}\n') });
        expect(errors('a.company')).toEqual(['5:9 company-not-hosted No server hosts globex: add `hosts globex` to one of hv1, hv2.']);

        // Back to one server without `hosts`: it hosts both again.
        await remove('c.company');
        expect(errors('a.company')).toEqual([]);
    });

    test('one server in the workspace with a `hosts` line: the companies it does not name are not hosted', async () => {
        await edit({ 'a.company': ACME + GLOBEX, 'b.company': server('hv1', '203.0.113.10', '10.0.0.0/24').replace('}\n', '    hosts acme\n}\n') });
        expect(errors('a.company')).toEqual(['5:9 company-not-hosted No server hosts globex: add `hosts globex` to one of hv1.']);
    });
});
