import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { parseSpec, services } from '../../support/services.js';
import { applyFix, diagnosticsWith, fixesFor } from '../../support/apply-fix.js';

/** Errors and warnings left after a fix. */
async function problems(text: string): Promise<Diagnostic[]> {
    const document = await parseSpec(text);
    const result = (document.diagnostics ?? []).filter(d => (d.severity ?? 1) <= 2);
    await clearDocuments(services.shared);
    return result;
}

const COMPANY = 'company acme "ACME" {\n    domain acme.example\n    user alice "Alice" { aliases postmaster, abuse  admin }\n}\n';
const server = (body: string, name = 'hv1', pub = '203.0.113.10') => `server ${name} {\n    public ${pub} on wm0\n${body}}\n`;

afterEach(() => clearDocuments(services.shared));

describe('server quick fixes', () => {
    test('host bits: use the network address', async () => {
        const { text: fixed } = await applyFix(COMPANY + server('    network 10.0.0.1/24\n'), 'cidr-host-bits', { title: 'Change to 10.0.0.0/24' });
        expect(fixed).toContain('network 10.0.0.0/24\n');
        expect(await problems(fixed)).toEqual([]);
    });

    test('leading zeros in an address are dropped', async () => {
        const { text: fixed } = await applyFix(COMPANY + server('    vm www { address 10.0.0.020  runs website }\n'), 'invalid-ipv4', { title: 'Change to 10.0.0.20' });
        expect(await problems(fixed)).toEqual([]);
    });

    test('duplicate role: remove it', async () => {
        const { text: fixed } = await applyFix(COMPANY + server('    vm auth { runs ldap, dns, ldap }\n'), 'duplicate-role', { title: 'Remove the duplicate ldap' });
        expect(fixed).toContain('vm auth { runs ldap, dns }');
        expect(await problems(fixed)).toEqual([]);
    });

    test('duplicate role in a runs line of its own: remove the line', async () => {
        const { text: fixed } = await applyFix(COMPANY + server('    vm www { runs website  runs website }\n'), 'duplicate-role');
        expect(fixed).toContain('vm www { runs website }');
        expect(await problems(fixed)).toEqual([]);
    });

    test('wrong keyword: swap for/from', async () => {
        const text = `${COMPANY}${server('    network 10.0.0.0/24\n    hosts acme\n    vm auth { runs ldap, dns }\n')}`
            + server('    network 10.1.0.0/24\n    placement explicit\n    vm auth2 { runs ldap for hv1.auth }\n', 'hv2', '203.0.113.20');
        const { text: fixed } = await applyFix(text, 'wrong-source-keyword', { title: 'Write `from` instead of `for`' });
        expect(fixed).toContain('runs ldap from hv1.auth');
        expect(await problems(fixed)).toEqual([]);
    });

    test('replica of a replica: take it from the primary', async () => {
        const text = `${COMPANY}${server('    network 10.0.0.0/24\n    hosts acme\n    vm auth { runs ldap, dns }\n')}`
            + server('    network 10.1.0.0/24\n    placement explicit\n    vm a { runs ldap from hv1.auth }\n    vm b { runs ldap from a }\n', 'hv2', '203.0.113.20');
        const { text: fixed } = await applyFix(text, 'source-not-primary', { title: 'Take it from hv1.auth' });
        expect(fixed).toContain('vm b { runs ldap from hv1.auth }');
        expect(await problems(fixed)).toEqual([]);
    });

    test('a role that takes no source: remove `from …`', async () => {
        const text = `${COMPANY}${server('    network 10.0.0.0/24\n    hosts acme\n    vm mx { runs mx }\n')}`
            + server('    network 10.1.0.0/24\n    placement explicit\n    vm web { runs website from hv1.mx  runs proxy }\n', 'hv2', '203.0.113.20');
        const { text: fixed } = await applyFix(text, 'role-takes-no-source', { title: 'Remove `from hv1.mx`' });
        expect(fixed).toContain('vm web { runs website  runs proxy }');
        expect(await problems(fixed)).toEqual([]);
    });

    test('missing role under explicit placement: add it to an existing VM', async () => {
        const body = '    placement explicit\n    vm auth { runs ldap }\n    vm mail { runs mail }\n    vm mx { runs mx }\n    vm rproxy { runs proxy }\n';
        const { text: fixed, titles } = await applyFix(COMPANY + server(body), 'missing-required-role', { title: 'Add role dns to VM auth' });
        expect(titles).toContain('Add role dns to VM auth');
        expect(fixed).toContain('vm auth { runs ldap, dns }');
        expect(await problems(fixed)).toEqual([]);
    });

    test('missing role under explicit placement: never proposes mx beside mail (each runs its own Postfix)', async () => {
        const body = '    placement explicit\n    vm auth { runs ldap, dns }\n    vm mail { runs mail }\n    vm rproxy { runs proxy }\n';
        const { titles } = await applyFix(COMPANY + server(body), 'missing-required-role', { title: 'Add VM mx running mx' });
        expect(titles).toEqual(['Add VM mx running mx']);
    });

    test('missing role under explicit placement: add a new conventional VM', async () => {
        const body = '    placement explicit\n    vm auth { runs ldap, dns }\n    vm mail { runs mail }\n    vm rproxy { runs proxy }\n';
        const { text: fixed } = await applyFix(COMPANY + server(body), 'missing-required-role', { title: 'Add VM mx running mx' });
        expect(fixed).toContain('    vm rproxy { runs proxy }\n    vm mx { runs mx }\n}');
        expect(await problems(fixed)).toEqual([]);
    });

    test('a core role nobody declared: add it to its conventional VM, which runs nothing yet', async () => {
        const body = '    placement explicit\n    vm auth { runs ldap, dns }\n    vm mx { runs mx }\n    vm mail { runs mail }\n    vm rproxy { memory 256 MB }\n';
        const { text: fixed, titles } = await applyFix(COMPANY + server(body), 'missing-required-role', { title: 'Add role proxy to VM rproxy' });
        expect(titles).toEqual(['Add role proxy to VM rproxy']);
        expect(fixed).toContain('vm rproxy { memory 256 MB  runs proxy }');
        expect(await problems(fixed)).toEqual([]);
    });

    test('a core role nobody declared: give a VM without a block one', async () => {
        const body = '    placement explicit\n    vm auth { runs ldap, dns }\n    vm mx { runs mx }\n    vm mail { runs mail }\n    vm rproxy\n';
        const { text: fixed } = await applyFix(COMPANY + server(body), 'missing-required-role', { title: 'Add role proxy to VM rproxy' });
        expect(fixed).toContain('vm rproxy { runs proxy }\n');
        expect(await problems(fixed)).toEqual([]);
    });

    test('a core role nobody declared and no conventional VM: write one', async () => {
        const body = '    placement explicit\n    vm auth { runs ldap, dns }\n    vm mx { runs mx }\n    vm mail { runs mail }\n';
        const { text: fixed, titles } = await applyFix(COMPANY + server(body), 'missing-required-role');
        expect(titles).toEqual(['Add VM rproxy running proxy']);
        expect(fixed).toContain('    vm mx { runs mx }\n    vm mail { runs mail }\n    vm rproxy { runs proxy }\n}');
        expect(await problems(fixed)).toEqual([]);
    });

    test('memory without a unit: add MB', async () => {
        const { text: fixed } = await applyFix(COMPANY + server('    vm auth { memory 512  runs ldap, dns }\n'), 'size-missing-unit', { title: 'Write 512 MB' });
        expect(fixed).toContain('memory 512 MB');
        expect(await problems(fixed)).toEqual([]);
    });

    test('disk without a unit: add GB, under the one code every size without a unit has', async () => {
        const { text: fixed, titles } = await applyFix(COMPANY + server('    resources { disk 500 }\n'), 'size-missing-unit');
        expect(titles).toEqual(['Write 500 GB']);
        expect(fixed).toContain('disk 500 GB');
        expect(await problems(fixed)).toEqual([]);
    });

    test('a repeated VM setting: remove it, under the one code every repeated line has', async () => {
        const { text: fixed } = await applyFix(COMPANY + server('    vm auth { memory 512 MB  runs ldap, dns  memory 1 GB }\n'), 'duplicate-setting',
            { title: 'Remove this memory' });
        expect(fixed).toContain('vm auth { memory 512 MB  runs ldap, dns }');
        expect(await problems(fixed)).toEqual([]);
    });

    test('too little memory for the roles: raise it', async () => {
        const { text: fixed } = await applyFix(COMPANY + server('    vm auth { memory 256 MB  runs ldap, dns }\n'), 'vm-memory-below-roles', { title: 'Give it 512 MB' });
        expect(fixed).toContain('memory 512 MB');
        expect(await problems(fixed)).toEqual([]);
    });

    test('a repeated setting: remove it', async () => {
        const { text: fixed } = await applyFix(COMPANY + server('    network 10.0.0.0/24\n    network 10.5.0.0/24\n'), 'duplicate-setting', { title: 'Remove this network' });
        expect(fixed).not.toContain('10.5.0.0');
        expect(await problems(fixed)).toEqual([]);
    });

    test('overlapping default networks: give the second server its own', async () => {
        const text = `${COMPANY}${server('    hosts acme\n')}${server('', 'hv2', '203.0.113.20')}`;
        const { text: fixed } = await applyFix(text, 'network-overlap', { title: 'Use network 10.1.0.0/24' });
        expect(fixed).toContain('server hv2 {\n    network 10.1.0.0/24\n    public');
        expect(await problems(fixed)).toEqual([]);
    });

    test('overlapping declared networks: change the second', async () => {
        const text = `${COMPANY}${server('    network 10.0.0.0/16\n    hosts acme\n')}${server('    network 10.0.5.0/24\n', 'hv2', '203.0.113.20')}`;
        const { text: fixed } = await applyFix(text, 'network-overlap', { title: 'Use network 10.1.0.0/24' });
        expect(await problems(fixed)).toEqual([]);
    });

    test('a company no server hosts: host it on a chosen server', async () => {
        const text = `${COMPANY}${server('    network 10.0.0.0/24\n')}${server('    network 10.1.0.0/24\n    hosts\n', 'hv2', '203.0.113.20').replace('    hosts\n', '')}`;
        const { text: fixed, titles } = await applyFix(text, 'company-not-hosted', { title: 'Host acme on hv2' });
        expect(titles).toEqual(['Host acme on hv1', 'Host acme on hv2']);
        expect(await problems(fixed)).toEqual([]);
    });
});

describe('a server cut short before its `{`', () => {
    /** `server hv2` at the end of the file: a syntax error, but the server is known and offered as a host. */
    const text = `${COMPANY}${server('    network 10.0.0.0/24\n')}server hv2`;

    test('hosting a company on it writes the block it lacks, not a line at the top of the file', async () => {
        const { text: fixed } = await applyFix(text, 'company-not-hosted', { title: 'Host acme on hv2' });
        expect(fixed).toBe(`${text} {\n    hosts acme\n}`);
        expect((await parseSpec(fixed)).parseResult.parserErrors).toEqual([]);
    });

    test('giving it a network of its own does the same', async () => {
        const { text: fixed } = await applyFix(text, 'network-overlap', { title: 'Use network 10.1.0.0/24' });
        expect(fixed).toBe(`${text} {\n    network 10.1.0.0/24\n}`);
    });
});

describe('blocks written on one line', () => {
    test('a host line goes first inside the server\'s own braces, not inside its VM\'s', async () => {
        const text = `${COMPANY}server hv1 { public 203.0.113.10 on wm0  vm www { runs website } }\n`
            + server('    network 10.1.0.0/24\n', 'hv2', '203.0.113.20');
        const { text: fixed } = await applyFix(text, 'company-not-hosted', { title: 'Host acme on hv1' });
        expect(fixed).toContain('server hv1 { hosts acme  public 203.0.113.10 on wm0  vm www { runs website } }\n');
    });
});

describe('preferred fixes', () => {
    test('a diagnostic with one fix marks it preferred', async () => {
        const text = COMPANY + server('    vm auth { runs ldap, dns, ldap }\n');
        const [diagnostic] = await diagnosticsWith(text, 'duplicate-role');
        expect((await fixesFor(text, diagnostic)).map(f => f.isPreferred)).toEqual([true]);
    });

    test('alternatives, one per server that could host the company, are none of them preferred', async () => {
        const text = `${COMPANY}${server('    network 10.0.0.0/24\n')}${server('    network 10.1.0.0/24\n', 'hv2', '203.0.113.20')}`;
        const [diagnostic] = await diagnosticsWith(text, 'company-not-hosted');
        const fixes = await fixesFor(text, diagnostic);
        expect(fixes.map(f => f.title)).toEqual(['Host acme on hv1', 'Host acme on hv2']);
        expect(fixes.map(f => f.isPreferred ?? false)).toEqual([false, false]);
    });
});
