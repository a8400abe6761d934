// The in-host suite's pieces shared by both runners: its bundle (as a harness extension folder)
// and the temporary workspace it runs on.
import { copyFileSync, cpSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import * as esbuild from 'esbuild';
import { root } from './vscode-host.mjs';

/** Bundle test/vscode/suite into `<outDir>/suite.cjs` beside the harness manifest; returns outDir. */
export async function buildHarness(outDir = path.join(root, 'out', 'vscode-harness')) {
    mkdirSync(outDir, { recursive: true });
    await esbuild.build({
        entryPoints: [path.join(root, 'test', 'vscode', 'suite', 'index.ts')],
        outfile: path.join(outDir, 'suite.cjs'),
        bundle: true, format: 'cjs', platform: 'node', target: 'node20',
        external: ['vscode'], sourcemap: 'inline', logLevel: 'warning'
    });
    copyFileSync(path.join(root, 'test', 'vscode', 'harness', 'package.json'), path.join(outDir, 'package.json'));
    return outDir;
}

/**
 * A workspace with the examples (several specs: they link to each other as in examples/) and
 * the broken spec; `results` names the file the harness writes (code-server only).
 */
export function makeWorkspace(dir, { results } = {}) {
    mkdirSync(dir, { recursive: true });
    const examples = path.join(root, 'examples');
    for (const file of readdirSync(examples).filter(f => f.endsWith('.company'))) {
        copyFileSync(path.join(examples, file), path.join(dir, file));
    }
    cpSync(path.join(root, 'test', 'vscode', 'fixtures'), dir, { recursive: true });
    if (results) {
        writeFileSync(path.join(dir, '.companykit-e2e.json'), `${JSON.stringify({ results })}\n`);
    }
    return dir;
}
