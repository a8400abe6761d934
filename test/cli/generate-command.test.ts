import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ensureBundlesBuilt, repoRoot } from '../support/bundles.js';
import { runCli, tempSpecs } from './run-cli.js';

/**
 * `companykit generate` through the built bundle. The writer's and the secrets file's rules are
 * tested in test/generator; here: the command's arguments, exit codes, what it prints, and that
 * a refused run leaves nothing behind.
 */

// Errors only Langium itself reports (an unresolved group, a missing closing brace), so other
// checks may add diagnostics without breaking this test.
const broken = 'company acme {\n    user bob { groups nobody }\n}\nserver hv1 {\n    hosts acme\n';

beforeAll(async () => {
    await ensureBundlesBuilt();
}, 120_000);

describe('companykit generate refuses bad input', () => {
    test('a spec with errors: exit 1, diagnostics with file:line, no output folder, no secrets file', () => {
        const dir = tempSpecs({ 'acme.company': broken });
        const result = runCli(['generate', 'acme.company'], { cwd: dir });
        expect(result.status).toBe(1);
        expect(result.diagnostics.some((line) => /^acme\.company:2:\d+: error: .*nobody/.test(line))).toBe(true);
        expect(result.stderr).toMatch(/^\d+ errors?, \d+ warnings? in 1 file: nothing generated$/m);
        expect(readdirSync(dir)).toEqual(['acme.company']);
    });

    test('a valid spec this version cannot generate: exit 1 with the reason, not an internal error, nothing written', () => {
        const twoGits = 'company a { domain a.example  user x { admin  aliases postmaster, abuse }  services git }\n'
            + 'company b { domain b.example  user y { admin  aliases postmaster, abuse }  services git  git { ssh-port 2223 } }\n'
            + 'server hv1 { public 203.0.113.10 }\n';
        const dir = tempSpecs({ 'two.company': twoGits });
        const result = runCli(['generate', 'two.company'], { cwd: dir });
        expect(result.stderr).not.toMatch(/internal error/);
        expect(result.stderr).toMatch(/cannot generate two\.company: .*one Gitea serves one company.*nothing was written/);
        expect(result.status).toBe(1);
        expect(readdirSync(dir)).toEqual(['two.company']);
    });

    test('an error in a second file also refuses, and names that file', () => {
        const dir = tempSpecs({ 'main.company': readFileSync(join(repoRoot, 'examples', 'acme.company'), 'utf-8'), 'extra.company': broken });
        const result = runCli(['generate', 'main.company', 'extra.company', '--out', 'out'], { cwd: dir });
        expect(result.status).toBe(1);
        expect(result.diagnostics.some((line) => line.startsWith('extra.company:2:'))).toBe(true);
        expect(readdirSync(dir).sort()).toEqual(['extra.company', 'main.company']);
    });

    test('an unknown --platform: exit 2 naming the known ones, before reading the spec', () => {
        const result = runCli(['generate', 'examples/acme.company', '--platform', 'solaris']);
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('companykit: unknown platform "solaris": use one of netbsd, debian\n');
    });

    test('a missing spec: exit 2', () => {
        const result = runCli(['generate', 'no-such.company']);
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('cannot read no-such.company: no such file');
    });

    test('no spec at all: exit 2 with usage', () => {
        const result = runCli(['generate']);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/missing required argument 'spec'/);
    });

    test('--help lists the options', () => {
        const result = runCli(['generate', '--help']);
        expect(result.status).toBe(0);
        for (const option of ['--out <dir>', '--platform <name>', '--check', '--force']) {
            expect(result.stdout).toContain(option);
        }
    });

    test('the program help lists generate', () => {
        expect(runCli(['--help']).stdout).toMatch(/^\s+generate \[options\] <spec> \[more\.\.\.\]/m);
    });
});

describe('companykit generate on the acme example (end to end)', () => {
    test('writes, reruns idempotently, checks, refuses conflicts and keeps secrets private', () => {
        const dir = tempSpecs({});
        copyFileSync(join(repoRoot, 'examples', 'acme.company'), join(dir, 'acme.company'));
        const first = runCli(['generate', 'acme.company'], { cwd: dir });
        expect(first.stderr).not.toMatch(/internal error/);
        expect(first.status).toBe(0);
        const summary = /^generated (\d+) files \((\d+ bytes|\d+ kB|[\d.]+ MB)\) for (\d+) hosts in generated\/acme: (\d+) written, 0 unchanged, 0 removed$/m
            .exec(first.stderr);
        expect(summary).not.toBeNull();
        expect(summary![4]).toBe(summary![1]);
        const outDir = join(dir, 'generated', 'acme');
        const manifest = JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf-8'));
        expect(manifest.files).toHaveLength(Number(summary![1]));
        expect(new Set(manifest.files.map((e: { host: string | null }) => e.host)).has('hv1')).toBe(true);

        // Secrets: beside the spec, 0600, never printed.
        const secretsFile = join(dir, 'acme.secrets.json');
        expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
        const secrets = JSON.parse(readFileSync(secretsFile, 'utf-8'));
        const values = [secrets.passwords, secrets.tokens, secrets.keys].flatMap((section) => Object.values(section as Record<string, string>));
        expect(values.length).toBeGreaterThan(0);
        for (const value of values) {
            expect(first.stdout + first.stderr).not.toContain(value);
        }

        // A second run writes nothing and keeps every mtime and the secrets file.
        const aFile = join(outDir, manifest.files[0].file);
        utimesSync(aFile, new Date(2000, 0, 1), new Date(2000, 0, 1));
        const secretsText = readFileSync(secretsFile, 'utf-8');
        const second = runCli(['generate', 'acme.company'], { cwd: dir });
        expect(second.status).toBe(0);
        expect(second.stderr).toMatch(/: 0 written, \d+ unchanged, 0 removed$/m);
        expect(statSync(aFile).mtime.getFullYear()).toBe(2000);
        expect(readFileSync(secretsFile, 'utf-8')).toBe(secretsText);

        // --check: up to date → 0; a generated file edited by hand → 1 and listed.
        expect(runCli(['generate', 'acme.company', '--check'], { cwd: dir }).status).toBe(0);
        writeFileSync(aFile, 'edited by hand\n');
        const check = runCli(['generate', 'acme.company', '--check'], { cwd: dir });
        expect(check.status).toBe(1);
        expect(check.stdout).toBe(`changed ${manifest.files[0].file}\n`);
        expect(readFileSync(aFile, 'utf-8')).toBe('edited by hand\n');

        // A hand-written file where a generated one would go → exit 2, nothing written; --force overwrites.
        const other = join(dir, 'elsewhere');
        const place = join(other, manifest.files[1].file);
        mkdirSync(join(place, '..'), { recursive: true });
        writeFileSync(place, 'mine\n');
        const conflict = runCli(['generate', 'acme.company', '--out', 'elsewhere'], { cwd: dir });
        expect(conflict.status).toBe(2);
        expect(conflict.stderr).toContain(`elsewhere/${manifest.files[1].file}: exists and was not written by CompanyKit`);
        expect(conflict.stderr).toContain('--force');
        expect(existsSync(join(other, 'manifest.json'))).toBe(false);
        expect(runCli(['generate', 'acme.company', '--out', 'elsewhere', '--force'], { cwd: dir }).status).toBe(0);
        expect(readFileSync(join(other, 'manifest.json'), 'utf-8')).toBe(readFileSync(join(outDir, 'manifest.json'), 'utf-8'));

        // A secrets file others can read is tightened, and its values kept.
        chmodSync(secretsFile, 0o644);
        const tightened = runCli(['generate', 'acme.company'], { cwd: dir });
        expect(tightened.stderr).toContain('acme.secrets.json was readable by others: its mode is now 0600');
        expect(statSync(secretsFile).mode & 0o777).toBe(0o600);
        expect(readFileSync(secretsFile, 'utf-8')).toBe(secretsText);
    });
});

describe('companykit generate --platform debian --root DIR', () => {
    test('each host\'s tree at DIR/<host>/ with its host-local paths pointing there, system files left alone', () => {
        const dir = tempSpecs({});
        copyFileSync(join(repoRoot, 'examples', 'acme.company'), join(dir, 'acme.company'));
        const result = runCli(['generate', 'acme.company', '--platform', 'debian', '--root', 'tree'], { cwd: dir });
        expect(result.stderr).not.toMatch(/internal error/);
        expect(result.status).toBe(0);
        const root = join(dir, 'tree');
        const mainCf = readFileSync(join(root, 'hv1.mail', 'etc', 'postfix', 'main.cf'), 'utf-8');
        expect(mainCf).toMatch(new RegExp(`^config_directory = ${root}/hv1\\.mail/etc/postfix$`, 'm'));
        expect(mainCf).toMatch(new RegExp(`^queue_directory = ${root}/hv1\\.mail/var/spool/postfix$`, 'm'));
        // Binaries and package files stay where Debian put them.
        expect(mainCf).toMatch(/^daemon_directory = \/usr\/lib\/postfix\/sbin$/m);
        const slapd = readFileSync(join(root, 'hv1.auth', 'etc', 'ldap', 'slapd.conf'), 'utf-8');
        expect(slapd).toContain('include /etc/ldap/schema/core.schema');
        expect(slapd).toContain(`${root}/hv1.auth/var/lib/ldap/`);
        // The manifest keeps on-host paths: the tree is also what a Debian guest would get.
        const manifest = JSON.parse(readFileSync(join(root, 'manifest.json'), 'utf-8')) as { files: { host: string | null, path: string }[] };
        expect(manifest.files.find(f => f.host === 'hv1.mail' && f.path === '/etc/postfix/main.cf')).toBeDefined();
        expect(manifest.files.every(f => !f.path.includes(root))).toBe(true);
        // The hypervisor is NetBSD whatever the guests run.
        expect(existsSync(join(root, 'hv1', 'etc', 'npf.conf'))).toBe(true);
        expect(readFileSync(join(root, 'hv1', 'root', 'companykit', 'provision.sh'), 'utf-8')).toContain(`ensure_line '${root}/hv1/etc/rc.conf'`);
    });

    test('a --root whose path no config syntax can hold unquoted: exit 2, nothing written', () => {
        const dir = tempSpecs({});
        copyFileSync(join(repoRoot, 'examples', 'acme.company'), join(dir, 'acme.company'));
        const result = runCli(['generate', 'acme.company', '--platform', 'debian', '--root', 'my tree'], { cwd: dir });
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/--root .*my tree: use a folder whose path has only letters, digits/);
        expect(readdirSync(dir)).toEqual(['acme.company']);
    });

    test('--root and --out together: exit 2, nothing written', () => {
        const dir = tempSpecs({});
        copyFileSync(join(repoRoot, 'examples', 'acme.company'), join(dir, 'acme.company'));
        const result = runCli(['generate', 'acme.company', '--root', 'a', '--out', 'b'], { cwd: dir });
        expect(result.status).toBe(2);
        expect(result.stderr).toContain('pass either --out or --root, not both');
        expect(readdirSync(dir)).toEqual(['acme.company']);
    });
});
