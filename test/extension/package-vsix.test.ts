import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBundlesBuilt, node24, repoRoot } from '../support/bundles.js';
import { zipEntries, type ZipEntry } from './package-zip.js';

/**
 * The .vsix `npm run package` builds, packaged here with the same vsce and options into a
 * temporary folder: what a user installs must hold the bundles and every file they read at
 * run time (templates above all: the generator fails without them), and no sources or
 * node_modules (the bundles inline every dependency).
 */

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf-8')) as {
    name: string, version: string, icon: string, scripts: Record<string, string>
};
let dir: string;
let entries: ZipEntry[];
let names: string[];

beforeAll(async () => {
    await ensureBundlesBuilt();
    dir = mkdtempSync(join(tmpdir(), 'companykit-vsix-'));
    const vsix = join(dir, `${manifest.name}-${manifest.version}.vsix`);
    const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    execFileSync(node24, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--out', vsix], { cwd: repoRoot, stdio: 'pipe' });
    entries = zipEntries(vsix);
    names = entries.map(e => e.name);
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('npm run package', () => {
    it('runs vsce with the options this test packages with', () => {
        expect(manifest.scripts.package).toContain('vsce package --no-dependencies --allow-missing-repository');
    });

    it('holds the bundled extension and language server, non-empty', () => {
        for (const bundle of ['extension/out/extension/main.cjs', 'extension/out/language/main.cjs']) {
            expect(entries.find(e => e.name === bundle)?.size ?? 0, bundle).toBeGreaterThan(100_000);
        }
    });

    it('holds the grammar, snippets, language configuration, icon and docs', () => {
        expect(names).toEqual(expect.arrayContaining([
            'extension/package.json',
            'extension/syntaxes/company.tmLanguage.json',
            'extension/snippets/company.json',
            'extension/language-configuration.json',
            `extension/${manifest.icon}`,
            'extension/readme.md',
            'extension/changelog.md',
            'extension/LICENSE.txt'
        ]));
    });

    it('holds every template the generator renders', () => {
        const templates = execFileSync('find', ['templates', '-type', 'f', '-name', '*.hbs'], { cwd: repoRoot, encoding: 'utf-8' })
            .trim().split('\n').map(file => `extension/${file}`);
        expect(templates.length).toBeGreaterThan(20);
        expect(names).toEqual(expect.arrayContaining(templates));
    });

    it('has a real PNG icon that the manifest names', () => {
        const icon = entries.find(e => e.name === `extension/${manifest.icon}`)!.read();
        expect(icon.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
        // IHDR: width and height, big-endian, right after the signature and chunk header.
        expect([icon.readUInt32BE(16), icon.readUInt32BE(20)]).toEqual([128, 128]);
        const packaged = JSON.parse(entries.find(e => e.name === 'extension/package.json')!.read().toString('utf-8')) as { icon: string, main: string };
        expect(packaged.icon).toBe(manifest.icon);
        expect(names).toContain(`extension/${packaged.main.replace(/^\.\//, '')}`);
    });

    it('leaves out sources, tests, node_modules, source maps and generated output', () => {
        const unwanted = names.filter(name =>
            /^extension\/(src|test|node_modules|examples|scripts|\.ci|\.vscode)\//.test(name)
            || name.endsWith('.map') || name.endsWith('.ts') || name.includes('/generated/'));
        expect(unwanted).toEqual([]);
    });
});
