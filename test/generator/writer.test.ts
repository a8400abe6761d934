import { createHash } from 'node:crypto';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { GeneratedFile } from '../../src/generator/file-set.js';
import { ManifestError } from '../../src/generator/manifest.js';
import { OutputConflictError, pendingChanges, planOutput, writeOutput } from '../../src/generator/writer.js';

const rcConf: GeneratedFile = { host: 'hv1.auth', path: '/etc/rc.conf', mode: 0o644, content: 'hostname=auth\n' };
const slapd: GeneratedFile = {
    host: 'hv1.auth', path: '/usr/pkg/etc/openldap/slapd.conf', mode: 0o640, owner: 'root', group: 'ldap', content: 'rootpw {SSHA}x\n'
};
const provision: GeneratedFile = { host: 'hv1.auth', path: '/root/provision.sh', mode: 0o755, content: '#!/bin/sh\nexit 0\n' };
const guide: GeneratedFile = { host: null, path: 'README.md', mode: 0o644, content: '# Deploy\n' };
const hvRc: GeneratedFile = { host: 'hv1', path: '/etc/rc.conf', mode: 0o644, content: 'npf=YES\n' };
const files = [rcConf, slapd, provision, guide, hvRc];

function tempOut(): string {
    return join(mkdtempSync(join(tmpdir(), 'companykit-writer-')), 'out');
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');
const modeOf = (file: string) => statSync(file).mode & 0o7777;
const manifestOf = (outDir: string) => JSON.parse(readFileSync(join(outDir, 'manifest.json'), 'utf-8'));

/** Set every mtime to a fixed past time, so a rewrite would be visible. */
function ageFiles(outDir: string, paths: readonly string[]): void {
    for (const p of paths) {
        utimesSync(join(outDir, p), new Date(2000, 0, 1), new Date(2000, 0, 1));
    }
}

describe('writeOutput: layout and manifest', () => {
    test('each file lands at <host>/<path>, the guide at its own path', async () => {
        const outDir = tempOut();
        const result = await writeOutput(outDir, files, { force: false });
        expect(readFileSync(join(outDir, 'hv1.auth/etc/rc.conf'), 'utf-8')).toBe('hostname=auth\n');
        expect(readFileSync(join(outDir, 'hv1/etc/rc.conf'), 'utf-8')).toBe('npf=YES\n');
        expect(readFileSync(join(outDir, 'README.md'), 'utf-8')).toBe('# Deploy\n');
        expect(result).toMatchObject({ written: 5, unchanged: 0, removed: 0 });
    });

    test('manifest lists every file sorted by file, with octal mode strings, sha256 and owner/group', async () => {
        const outDir = tempOut();
        await writeOutput(outDir, files, { force: false });
        const text = readFileSync(join(outDir, 'manifest.json'), 'utf-8');
        expect(text.endsWith('}\n')).toBe(true);
        expect(text).toContain('\n  "files": [\n    {\n      "host": ');
        const manifest = JSON.parse(text);
        expect(manifest.files.map((e: { file: string }) => e.file)).toEqual([
            'README.md', 'hv1.auth/etc/rc.conf', 'hv1.auth/root/provision.sh', 'hv1.auth/usr/pkg/etc/openldap/slapd.conf', 'hv1/etc/rc.conf'
        ]);
        expect(manifest.files[3]).toEqual({
            host: 'hv1.auth', path: '/usr/pkg/etc/openldap/slapd.conf', file: 'hv1.auth/usr/pkg/etc/openldap/slapd.conf',
            mode: '0640', sha256: sha('rootpw {SSHA}x\n'), owner: 'root', group: 'ldap'
        });
        expect(manifest.files[0]).toEqual({ host: null, path: 'README.md', file: 'README.md', mode: '0644', sha256: sha('# Deploy\n') });
        expect(Object.keys(manifest.files[1])).toEqual(['host', 'path', 'file', 'mode', 'sha256']);
    });

    test('the sha256 in the manifest is the digest of the bytes on disk', async () => {
        const outDir = tempOut();
        await writeOutput(outDir, [{ ...guide, content: 'naïve ünïcode\n' }], { force: false });
        const [entry] = manifestOf(outDir).files;
        expect(entry.sha256).toBe(createHash('sha256').update(readFileSync(join(outDir, 'README.md'))).digest('hex'));
    });

    test('each file gets its manifest mode on disk, whatever the umask', async () => {
        const outDir = tempOut();
        const previous = process.umask(0o077);
        try {
            await writeOutput(outDir, files, { force: false });
        } finally {
            process.umask(previous);
        }
        expect(modeOf(join(outDir, 'hv1.auth/etc/rc.conf'))).toBe(0o644);
        expect(modeOf(join(outDir, 'hv1.auth/usr/pkg/etc/openldap/slapd.conf'))).toBe(0o640);
        expect(modeOf(join(outDir, 'hv1.auth/root/provision.sh'))).toBe(0o755);
    });

    test('same files in any order give byte-identical output', async () => {
        const a = tempOut();
        const b = tempOut();
        await writeOutput(a, files, { force: false });
        await writeOutput(b, [...files].reverse(), { force: false });
        expect(readFileSync(join(b, 'manifest.json'))).toEqual(readFileSync(join(a, 'manifest.json')));
    });

    test('no temporary file is left behind', async () => {
        const outDir = tempOut();
        await writeOutput(outDir, files, { force: false });
        expect(readdirRecursive(outDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    });
});

describe('writeOutput: a second run', () => {
    test('writes nothing when nothing changed, and keeps every mtime', async () => {
        const outDir = tempOut();
        await writeOutput(outDir, files, { force: false });
        const paths = ['manifest.json', 'hv1.auth/etc/rc.conf', 'README.md'];
        ageFiles(outDir, paths);
        const result = await writeOutput(outDir, files, { force: false });
        expect(result).toMatchObject({ written: 0, unchanged: 5, removed: 0 });
        for (const p of paths) {
            expect(statSync(join(outDir, p)).mtime.getFullYear()).toBe(2000);
        }
    });

    test('rewrites only the changed file', async () => {
        const outDir = tempOut();
        await writeOutput(outDir, files, { force: false });
        ageFiles(outDir, ['hv1/etc/rc.conf', 'hv1.auth/etc/rc.conf']);
        const result = await writeOutput(outDir, [...files.filter((f) => f !== hvRc), { ...hvRc, content: 'npf=NO\n' }], { force: false });
        expect(result).toMatchObject({ written: 1, unchanged: 4 });
        expect(readFileSync(join(outDir, 'hv1/etc/rc.conf'), 'utf-8')).toBe('npf=NO\n');
        expect(statSync(join(outDir, 'hv1.auth/etc/rc.conf')).mtime.getFullYear()).toBe(2000);
        expect(manifestOf(outDir).files.find((e: { file: string }) => e.file === 'hv1/etc/rc.conf').sha256).toBe(sha('npf=NO\n'));
    });

    test('a mode change alone sets the mode without rewriting the bytes', async () => {
        const outDir = tempOut();
        await writeOutput(outDir, files, { force: false });
        ageFiles(outDir, ['hv1.auth/etc/rc.conf']);
        const plan = await planOutput(outDir, [...files.filter((f) => f !== rcConf), { ...rcConf, mode: 0o600 }]);
        expect(plan.changes.find((c) => c.file === 'hv1.auth/etc/rc.conf')).toEqual({ kind: 'changed', file: 'hv1.auth/etc/rc.conf', modeOnly: true });
        await writeOutput(outDir, [...files.filter((f) => f !== rcConf), { ...rcConf, mode: 0o600 }], { force: false });
        expect(modeOf(join(outDir, 'hv1.auth/etc/rc.conf'))).toBe(0o600);
        expect(manifestOf(outDir).files.find((e: { file: string }) => e.file === 'hv1.auth/etc/rc.conf').mode).toBe('0600');
    });

    test('a file no longer generated is deleted with the folders it leaves empty', async () => {
        const outDir = tempOut();
        await writeOutput(outDir, files, { force: false });
        const result = await writeOutput(outDir, files.filter((f) => f !== slapd), { force: false });
        expect(result.removed).toBe(1);
        expect(existsSync(join(outDir, 'hv1.auth/usr'))).toBe(false);
        expect(existsSync(join(outDir, 'hv1.auth/etc/rc.conf'))).toBe(true);
        expect(manifestOf(outDir).files.map((e: { file: string }) => e.file)).not.toContain('hv1.auth/usr/pkg/etc/openldap/slapd.conf');
    });

    test('a folder that still holds a hand-written file is kept when our file in it is removed', async () => {
        const outDir = tempOut();
        await writeOutput(outDir, files, { force: false });
        writeFileSync(join(outDir, 'hv1.auth/usr/pkg/etc/notes.txt'), 'mine');
        await writeOutput(outDir, files.filter((f) => f !== slapd), { force: false });
        expect(existsSync(join(outDir, 'hv1.auth/usr/pkg/etc/openldap'))).toBe(false);
        expect(readFileSync(join(outDir, 'hv1.auth/usr/pkg/etc/notes.txt'), 'utf-8')).toBe('mine');
    });

    test('hand-written files in the output folder are never touched', async () => {
        const outDir = tempOut();
        mkdirSync(join(outDir, 'hv1.auth/etc'), { recursive: true });
        writeFileSync(join(outDir, 'NOTES.md'), 'mine');
        writeFileSync(join(outDir, 'hv1.auth/etc/motd'), 'hello');
        ageFiles(outDir, ['NOTES.md', 'hv1.auth/etc/motd']);
        await writeOutput(outDir, files, { force: false });
        await writeOutput(outDir, [guide], { force: false });
        expect(readFileSync(join(outDir, 'NOTES.md'), 'utf-8')).toBe('mine');
        expect(readFileSync(join(outDir, 'hv1.auth/etc/motd'), 'utf-8')).toBe('hello');
        expect(statSync(join(outDir, 'NOTES.md')).mtime.getFullYear()).toBe(2000);
        expect(manifestOf(outDir).files.map((e: { file: string }) => e.file)).toEqual(['README.md']);
    });
});

describe('writeOutput: conflicts', () => {
    test('a file not in the previous manifest that would be written is refused and nothing is written', async () => {
        const outDir = tempOut();
        mkdirSync(join(outDir, 'hv1/etc'), { recursive: true });
        writeFileSync(join(outDir, 'hv1/etc/rc.conf'), 'hand-written\n');
        const error = await writeOutput(outDir, files, { force: false }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(OutputConflictError);
        expect((error as OutputConflictError).problems[0]).toBe(`${join(outDir, 'hv1/etc/rc.conf')}: exists and was not written by CompanyKit`);
        expect((error as Error).message).toMatch(/--force/);
        expect(readdirRecursive(outDir)).toEqual(['hv1/etc/rc.conf']);
        expect(readFileSync(join(outDir, 'hv1/etc/rc.conf'), 'utf-8')).toBe('hand-written\n');
    });

    test('--force overwrites it and from then on it is ours', async () => {
        const outDir = tempOut();
        mkdirSync(join(outDir, 'hv1/etc'), { recursive: true });
        writeFileSync(join(outDir, 'hv1/etc/rc.conf'), 'hand-written\n');
        const result = await writeOutput(outDir, files, { force: true });
        expect(result.written).toBe(5);
        expect(readFileSync(join(outDir, 'hv1/etc/rc.conf'), 'utf-8')).toBe('npf=YES\n');
        expect((await writeOutput(outDir, files, { force: false })).unchanged).toBe(5);
    });

    test('an unlisted file that already holds exactly the generated bytes and mode is adopted, not a conflict', async () => {
        const outDir = tempOut();
        mkdirSync(join(outDir, 'hv1/etc'), { recursive: true });
        writeFileSync(join(outDir, 'hv1/etc/rc.conf'), 'npf=YES\n', { mode: 0o644 });
        const plan = await planOutput(outDir, files);
        expect(plan.changes.find((c) => c.file === 'hv1/etc/rc.conf')?.kind).toBe('unchanged');
    });

    test('a folder or symbolic link in the way is refused even with --force', async () => {
        const outDir = tempOut();
        mkdirSync(join(outDir, 'hv1/etc/rc.conf'), { recursive: true });
        mkdirSync(join(outDir, 'elsewhere'));
        symlinkSync(join(outDir, 'elsewhere'), join(outDir, 'hv1.auth'));
        const error = await writeOutput(outDir, files, { force: true }).catch((e: unknown) => e) as OutputConflictError;
        expect(error).toBeInstanceOf(OutputConflictError);
        expect(error.conflicts.map((c) => `${c.file}: ${c.reason}`)).toEqual([
            'hv1.auth/etc/rc.conf: hv1.auth is in the way (not a folder)',
            'hv1.auth/root/provision.sh: hv1.auth is in the way (not a folder)',
            'hv1.auth/usr/pkg/etc/openldap/slapd.conf: hv1.auth is in the way (not a folder)',
            'hv1/etc/rc.conf: is a folder'
        ]);
        expect(readdirRecursive(join(outDir, 'elsewhere'))).toEqual([]);
        expect(existsSync(join(outDir, 'manifest.json'))).toBe(false);
    });

    test('a corrupt previous manifest is an error naming it, and nothing is written', async () => {
        const outDir = tempOut();
        mkdirSync(outDir);
        writeFileSync(join(outDir, 'manifest.json'), '{ "files": [ { "file": "../../etc/passwd" } ] }');
        await expect(writeOutput(outDir, files, { force: true })).rejects.toThrow(ManifestError);
        await expect(writeOutput(outDir, files, { force: true })).rejects.toThrow(join(outDir, 'manifest.json'));
        writeFileSync(join(outDir, 'manifest.json'), 'not json');
        await expect(planOutput(outDir, files)).rejects.toThrow(/manifest\.json is not a CompanyKit manifest \(not valid JSON\)/);
        expect(readdirRecursive(outDir)).toEqual(['manifest.json']);
    });
});

describe('planOutput', () => {
    test('classifies every path and writes nothing', async () => {
        const outDir = tempOut();
        await writeOutput(outDir, [rcConf, slapd, hvRc], { force: false });
        writeFileSync(join(outDir, 'README.md'), 'mine\n');
        const before = readdirRecursive(outDir);
        const plan = await planOutput(outDir, [rcConf, { ...hvRc, content: 'other\n' }, provision, guide]);
        expect(plan.changes.map((c) => `${c.kind} ${c.file}`)).toEqual([
            'conflict README.md',
            'unchanged hv1.auth/etc/rc.conf',
            'new hv1.auth/root/provision.sh',
            'removed hv1.auth/usr/pkg/etc/openldap/slapd.conf',
            'changed hv1/etc/rc.conf'
        ]);
        expect(plan.manifest).toBe('changed');
        expect(pendingChanges(plan).map((c) => c.kind + ' ' + c.file)).toContain('changed manifest.json');
        expect(pendingChanges(plan).map((c) => c.kind)).not.toContain('unchanged');
        expect(readdirRecursive(outDir)).toEqual(before);
    });

    test('an output folder that does not exist yet: everything is new and the folder is not created', async () => {
        const outDir = tempOut();
        const plan = await planOutput(outDir, files);
        expect(plan.changes.every((c) => c.kind === 'new')).toBe(true);
        expect(plan.manifest).toBe('new');
        expect(existsSync(outDir)).toBe(false);
    });

    test('generated paths that would leave the folder or collide are a generator bug', async () => {
        const outDir = tempOut();
        await expect(planOutput(outDir, [{ ...guide, path: '../escape' }])).rejects.toThrow(/no valid place/);
        await expect(planOutput(outDir, [{ ...guide, path: 'manifest.json' }])).rejects.toThrow(/no valid place/);
        await expect(planOutput(outDir, [guide, { ...guide }])).rejects.toThrow(/two generated files for README.md/);
    });
});

/** Every non-folder entry under `dir`, relative, sorted; symbolic links are listed, not followed. */
function readdirRecursive(dir: string, prefix = ''): string[] {
    if (!existsSync(dir)) {
        return [];
    }
    const out: string[] = [];
    for (const entry of readdirSync(dir).sort()) {
        const full = join(dir, entry);
        if (lstatSync(full).isDirectory()) {
            out.push(...readdirRecursive(full, `${prefix}${entry}/`));
        } else {
            out.push(`${prefix}${entry}`);
        }
    }
    return out;
}
