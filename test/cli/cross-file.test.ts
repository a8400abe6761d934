import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBundlesBuilt, repoRoot } from '../support/bundles.js';
import { runCli, tempSpecs } from './run-cli.js';

/** The files given to `validate` are one spec: what must be unique is unique across all of them. */

beforeAll(async () => {
    await ensureBundlesBuilt();
}, 120_000);

const errors = (diagnostics: readonly string[]) => diagnostics.filter(line => line.includes(': error: '));

describe('companykit validate across files', () => {
    test('the examples form one valid workspace: together they have no errors', () => {
        const result = runCli(['validate', 'examples/acme.company', 'examples/hosting.company', 'examples/two-servers.company']);
        expect(errors(result.diagnostics)).toEqual([]);
        expect(result.stderr).toMatch(/^0 errors, 0 warnings in 3 files$/m);
        expect(result.status).toBe(0);
    });

    test('a copy of acme in a second file: each file names the other, exit 1', () => {
        const acme = readFileSync(join(repoRoot, 'examples', 'acme.company'), 'utf8');
        const company = acme.slice(acme.indexOf('company acme'), acme.indexOf('/** The one physical server'));
        const dir = tempSpecs({ 'copy.company': `// a copy of ACME\n${company}` });
        const copy = relative(repoRoot, join(dir, 'copy.company'));
        const back = relative(dir, join(repoRoot, 'examples', 'acme.company'));
        const result = runCli(['validate', 'examples/acme.company', copy]);
        // Lines come sorted by file path, so compare them sorted the same way.
        expect(errors(result.diagnostics)).toEqual([
            `examples/acme.company:5:9: error: The company 'acme' is also declared in ${relative(join(repoRoot, 'examples'), join(dir, 'copy.company'))}:2; rename one of them. [duplicate-name]`,
            `examples/acme.company:6:12: error: The domain 'acme.example' already belongs to company 'acme' in ${relative(join(repoRoot, 'examples'), join(dir, 'copy.company'))}:3; `
                + 'give each company its own domain. [duplicate-domain]',
            `${copy}:2:9: error: The company 'acme' is also declared in ${back}:5; rename one of them. [duplicate-name]`,
            `${copy}:3:12: error: The domain 'acme.example' already belongs to company 'acme' in ${back}:6; `
                + 'give each company its own domain. [duplicate-domain]'
        ].sort());
        expect(result.stderr).toMatch(/^4 errors, \d+ warnings? in 2 files$/m);
        expect(result.status).toBe(1);
    });

    test('servers in two files: name, public IPv4 and IPv6, guest network and hosted company', () => {
        const dir = tempSpecs({
            'a.company': 'server hv1 {\n    public 203.0.113.10 on wm0\n    ipv6 2001:db8::10/64\n    network 10.5.0.0/24\n    hosts acme\n}\n',
            'b.company': '// the same server again\nserver hv1 {\n    public 203.0.113.10 on wm0\n    ipv6 2001:DB8:0::10\n'
                + '    network 10.5.0.0/16\n    hosts acme\n}\n',
            'c.company': 'company acme "ACME" {\n    domain acme.example\n    user admin "Admin" { aliases postmaster, abuse }\n}\n'
        });
        const [a, b, c] = ['a', 'b', 'c'].map(name => relative(repoRoot, join(dir, `${name}.company`)));
        const result = runCli(['validate', a, b, c]);
        expect(errors(result.diagnostics)).toEqual([
            `${a}:1:8: error: A server named hv1 is also declared in b.company:2: rename one of them. [duplicate-server]`,
            `${a}:2:12: error: 203.0.113.10 is already the public address of hv1 (b.company:3): each server needs its own public address. `
                + '[duplicate-public-address]',
            `${a}:3:10: error: 2001:db8::10/64 is already the public IPv6 address of hv1 (b.company:4): each server needs its own `
                + 'public address. [duplicate-public-address]',
            `${a}:4:13: error: 10.5.0.0/24 overlaps hv1's guest network 10.5.0.0/16 (b.company:5): give each server its own network, `
                + 'e.g. network 10.0.0.0/24. [network-overlap]',
            `${a}:5:11: error: acme is already hosted by hv1 (b.company:6): a company lives on exactly one server, so remove it from `
                + 'one of the two. [company-hosted-twice]',
            `${b}:2:8: error: A server named hv1 is also declared in a.company:1: rename one of them. [duplicate-server]`,
            `${b}:3:12: error: 203.0.113.10 is already the public address of hv1 (a.company:2): each server needs its own public address. `
                + '[duplicate-public-address]',
            `${b}:4:10: error: 2001:DB8:0::10 is already the public IPv6 address of hv1 (a.company:3): each server needs its own `
                + 'public address. [duplicate-public-address]',
            `${b}:5:13: error: 10.5.0.0/16 overlaps hv1's guest network 10.5.0.0/24 (a.company:4): give each server its own network, `
                + 'e.g. network 10.0.0.0/24. [network-overlap]',
            `${b}:6:11: error: acme is already hosted by hv1 (a.company:5): a company lives on exactly one server, so remove it from `
                + 'one of the two. [company-hosted-twice]'
        ]);
        expect(result.status).toBe(1);
    });

    test('each file alone is fine: the errors come only from putting them together', () => {
        const dir = tempSpecs({
            'a.company': 'company acme "ACME" {\n    domain acme.example\n    user admin "Admin" { aliases postmaster, abuse }\n}\n',
            'b.company': 'company acme "ACME" {\n    domain acme.example\n    user admin "Admin" { aliases postmaster, abuse }\n}\n'
        });
        const [a, b] = ['a', 'b'].map(name => relative(repoRoot, join(dir, `${name}.company`)));
        expect(runCli(['validate', a]).status).toBe(0);
        expect(runCli(['validate', b]).status).toBe(0);
        expect(runCli(['validate', a, b]).status).toBe(1);
    });
});
