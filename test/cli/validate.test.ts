import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBundlesBuilt, repoRoot } from '../support/bundles.js';
import { runCli, tempSpecs, type CliResult } from './run-cli.js';

const summaryLine = /^(\d+) errors?, (\d+) warnings? in (\d+) files?$/m;

/** The position part `file:line:col` of a diagnostic line, as numbers for sorting checks. */
function position(line: string): [string, number, number] {
    const match = /^(.+?):(\d+):(\d+): /.exec(line)!;
    return [match[1], Number(match[2]), Number(match[3])];
}

function errorLines(result: CliResult): string[] {
    return result.diagnostics.filter((line) => line.includes(': error: '));
}

function expectNoStackTrace(result: CliResult): void {
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stdout).not.toMatch(/^\s+at /m);
}

// A spec with two problems that only Langium itself reports (so other checks may add more
// diagnostics without breaking this test): an unresolved group and a missing closing brace.
const broken = [
    'company acme {',
    '    user bob { groups nobody }',
    '}',
    'server hv1 {',
    '    hosts acme'
].join('\n');

beforeAll(async () => {
    await ensureBundlesBuilt();
}, 120_000);

describe('companykit validate on good specs', () => {
    test.each(['examples/acme.company', 'examples/hosting.company', 'examples/two-servers.company'])(
        '%s: no errors, exit 0, summary on stderr', (file) => {
            const result = runCli(['validate', file]);
            expect(errorLines(result)).toEqual([]);
            expect(result.status).toBe(0);
            const summary = summaryLine.exec(result.stderr);
            expect(summary?.[1]).toBe('0');
            expect(summary?.[3]).toBe('1');
            expectNoStackTrace(result);
        });

    test('stdout holds nothing but diagnostic lines, so that tools can parse it', () => {
        // acme uses `cloud {` and `meet {`, which make a grammar ambiguity warning print if
        // the parser is built in development mode.
        const result = runCli(['validate', 'examples/acme.company', 'examples/two-servers.company']);
        expect(result.stdout.split('\n').filter((line) => line !== '')).toEqual(result.diagnostics);
    });

    test('several files are validated together and counted in the summary', () => {
        // The workspace has two servers, so each names the company it hosts.
        const dir = tempSpecs({
            'globex.company': 'company globex "Globex" {\n    domain globex.example\n    user boss "Boss"\n}\n'
                + 'server hv2 {\n    public 203.0.113.20 on wm0\n    network 10.1.0.0/24\n    hosts globex\n}\n'
        });
        const result = runCli(['validate', 'examples/acme.company', relative(repoRoot, join(dir, 'globex.company'))]);
        expect(result.stderr).toMatch(/ in 2 files$/m);
        expect(errorLines(result)).toEqual([]);
        expect(result.status).toBe(0);
    });

    test('a reference to a company in another file resolves when both files are given', () => {
        const acme = readFileSync(join(repoRoot, 'examples', 'acme.company'), 'utf-8');
        const serverStart = acme.indexOf('/** The one physical server');
        const dir = tempSpecs({
            'company.company': acme.slice(0, serverStart),
            // The server already says `hosts acme`: alone, that reference has nothing to resolve to.
            'server.company': acme.slice(serverStart)
        });
        const serverFile = relative(repoRoot, join(dir, 'server.company'));
        const companyFile = relative(repoRoot, join(dir, 'company.company'));

        const alone = runCli(['validate', serverFile]);
        expect(alone.diagnostics.some((l) => l.startsWith(`${serverFile}:`) && l.includes('There is no company named')))
            .toBe(true);
        expect(alone.status).toBe(1);

        const together = runCli(['validate', serverFile, companyFile]);
        expect(errorLines(together)).toEqual([]);
        expect(together.status).toBe(0);
    });
});

describe('companykit validate on specs with errors', () => {
    let result: CliResult;
    let file: string;

    beforeAll(() => {
        const dir = tempSpecs({ 'broken.company': broken });
        file = relative(repoRoot, join(dir, 'broken.company'));
        result = runCli(['validate', file]);
    });

    test('exits 1', () => {
        expect(result.status).toBe(1);
    });

    test('prints a linking error with the 1-based position of the reference and its code', () => {
        // `nobody` starts at character 23 of line 2.
        expect(result.diagnostics).toContainEqual(expect.stringMatching(
            new RegExp(`^${escape(file)}:2:23: error: There is no .*'nobody'.* \\[linking-error\\]$`)));
    });

    test('prints the parse error for the missing brace at the end of the file', () => {
        const parseErrors = result.diagnostics.filter((l) => l.endsWith('[parsing-error]'));
        expect(parseErrors.length).toBeGreaterThan(0);
        expect(position(parseErrors.at(-1)!)[1]).toBe(5);
    });

    test('diagnostics are sorted by line and column', () => {
        const positions = result.diagnostics.map(position);
        const sorted = [...positions].sort((a, b) => a[1] - b[1] || a[2] - b[2]);
        expect(positions).toEqual(sorted);
    });

    test('the summary on stderr counts the printed errors and warnings', () => {
        const summary = summaryLine.exec(result.stderr);
        expect(summary).not.toBeNull();
        expect(Number(summary![1])).toBe(errorLines(result).length);
        expect(Number(summary![2])).toBe(result.diagnostics.filter((l) => l.includes(': warning: ')).length);
        expect(summary![3]).toBe('1');
        expect(result.stdout).not.toMatch(summaryLine);
    });

    test('a lexer error is reported with a code, not a crash', () => {
        const dir = tempSpecs({ 'lex.company': 'company acme {\n    user @bob\n}\n' });
        const lexFile = relative(repoRoot, join(dir, 'lex.company'));
        const lexed = runCli(['validate', lexFile]);
        expect(lexed.diagnostics).toContainEqual(expect.stringMatching(
            new RegExp(`^${escape(lexFile)}:2:10: error: .* \\[lexing-error\\]$`)));
        expect(lexed.status).toBe(1);
        expectNoStackTrace(lexed);
    });

    test('diagnostics of several files are grouped by file in name order', () => {
        const dir = tempSpecs({ 'b.company': broken, 'a.company': broken });
        const a = relative(repoRoot, join(dir, 'a.company'));
        const b = relative(repoRoot, join(dir, 'b.company'));
        const both = runCli(['validate', b, a]);
        const files = both.diagnostics.map((l) => position(l)[0]);
        expect(files[0]).toBe(a);
        expect(files.at(-1)).toBe(b);
        expect(files.indexOf(b)).toBe(files.lastIndexOf(a) + 1);
        expect(both.stderr).toMatch(/ in 2 files$/m);
    });
});

describe('companykit with bad input', () => {
    test('a missing file: one clear line, exit 2', () => {
        const result = runCli(['validate', 'examples/nope.company']);
        expect(result.stderr.trim()).toBe('companykit: cannot read examples/nope.company: no such file');
        expect(result.stdout).toBe('');
        expect(result.status).toBe(2);
    });

    test('every bad file is reported, and nothing is validated', () => {
        const result = runCli(['validate', 'examples/acme.company', 'examples/nope.company', 'examples', 'package.json']);
        expect(result.stderr.trim().split('\n')).toEqual([
            'companykit: cannot read examples/nope.company: no such file',
            'companykit: cannot read examples: is a directory',
            'companykit: cannot read package.json: not a .company file'
        ]);
        expect(result.stdout).toBe('');
        expect(result.status).toBe(2);
    });

    test.skipIf(process.getuid?.() === 0)('an unreadable file (skipped as root, who can read anything)', () => {
        const dir = tempSpecs({ 'secret.company': 'company acme { }' });
        const file = join(dir, 'secret.company');
        chmodSync(file, 0o000);
        const result = runCli(['validate', file]);
        expect(result.stderr.trim()).toBe(`companykit: cannot read ${file}: permission denied`);
        expect(result.status).toBe(2);
    });

    test('no file given: a usage error, exit 2', () => {
        const result = runCli(['validate']);
        expect(result.stderr).toContain('missing required argument');
        expect(result.status).toBe(2);
        expectNoStackTrace(result);
    });

    test('an unknown command: a usage error, exit 2', () => {
        const result = runCli(['frobnicate']);
        expect(result.stderr).toContain("unknown command 'frobnicate'");
        expect(result.status).toBe(2);
    });

    test('a file with NUL bytes and binary junk is validated, not crashed on', () => {
        const dir = tempSpecs({});
        const file = join(dir, 'junk.company');
        writeFileSync(file, Buffer.from([0, 1, 2, 0xff, 0xfe, 0x7b, 0x7d, 0x00, 0x22]));
        const result = runCli(['validate', file]);
        expect(result.status).toBe(1);
        expect(errorLines(result).length).toBeGreaterThan(0);
        expectNoStackTrace(result);
    });
});

describe('companykit --help and --version', () => {
    test('--version prints the package version', () => {
        const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf-8')) as { version: string };
        const result = runCli(['--version']);
        expect(result.stdout.trim()).toBe(version);
        expect(result.status).toBe(0);
    });

    test('--help lists the validate command', () => {
        const result = runCli(['--help']);
        expect(result.stdout).toMatch(/^Usage: companykit /m);
        expect(result.stdout).toMatch(/^\s+validate <files\.\.\.>/m);
        expect(result.status).toBe(0);
    });

    test('validate --help describes the files argument', () => {
        const result = runCli(['validate', '--help']);
        expect(result.stdout).toMatch(/^Usage: companykit validate \[options\] <files\.\.\.>/m);
        expect(result.status).toBe(0);
    });
});

// The system Node may be older than the project's; the bundle carries an Object.groupBy
// polyfill so that the CLI still runs there.
const systemNode = '/usr/bin/node';
const systemNodeVersion = existsSync(systemNode)
    ? execFileSync(systemNode, ['--version'], { encoding: 'utf-8' }).trim() : undefined;

describe(`the bundle on the system Node (${systemNodeVersion ?? `skipped: ${systemNode} is missing`})`, () => {
    test.skipIf(systemNodeVersion === undefined)('validates examples/acme.company', () => {
        const result = runCli(['validate', 'examples/acme.company'], { node: systemNode });
        expect(result.stderr).not.toContain('groupBy');
        expectNoStackTrace(result);
        expect(errorLines(result)).toEqual([]);
        expect(result.status).toBe(0);
    });

    test.skipIf(systemNodeVersion === undefined)('reports errors the same way', () => {
        const dir = tempSpecs({ 'broken.company': broken });
        const file = relative(repoRoot, join(dir, 'broken.company'));
        const onSystem = runCli(['validate', file], { node: systemNode });
        const onNode24 = runCli(['validate', file]);
        expect(onSystem.status).toBe(1);
        expect(onSystem.diagnostics).toEqual(onNode24.diagnostics);
    });
});

function escape(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
