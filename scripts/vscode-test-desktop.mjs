// npm run test:vscode:desktop: the in-host suite in desktop VS Code through @vscode/test-electron.
// It downloads VS Code from update.code.visualstudio.com, so it needs the internet (not in CI,
// where npm run test:vscode runs the same suite in code-server).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { buildHarness, makeWorkspace } from './vscode-suite.mjs';
import { root } from './vscode-host.mjs';

// The VS Code the suite is pinned to on the desktop; code-server 4.139.1 is VS Code 1.139.1.
const VSCODE_VERSION = process.env.COMPANYKIT_VSCODE_VERSION ?? '1.139.1';

async function main() {
    const started = Date.now();
    const harness = await buildHarness();
    const tmp = mkdtempSync(path.join(tmpdir(), 'companykit-desktop-'));
    const results = path.join(tmp, 'results.json');
    try {
        const workspace = makeWorkspace(path.join(tmp, 'workspace'));
        let vscodeExecutablePath;
        try {
            vscodeExecutablePath = await downloadAndUnzipVSCode(VSCODE_VERSION);
        } catch (error) {
            console.error([
                `test:vscode:desktop: could not download VS Code ${VSCODE_VERSION}: ${error.message}`,
                'This suite needs the internet (update.code.visualstudio.com). Offline or in CI, run `npm run test:vscode`',
                '(the same in-host suite in code-server from npm) instead.'
            ].join('\n'));
            return 2;
        }
        await runTests({
            vscodeExecutablePath,
            extensionDevelopmentPath: root,
            extensionTestsPath: path.join(harness, 'suite.cjs'),
            extensionTestsEnv: { COMPANYKIT_E2E_RESULTS: results },
            launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--user-data-dir', path.join(tmp, 'user')]
        }).catch(() => undefined);
        return summarize(results, started);
    } finally {
        rmSync(tmp, { recursive: true, force: true });
    }
}

function summarize(file, started) {
    let results;
    try {
        results = JSON.parse(readFileSync(file, 'utf-8'));
    } catch {
        console.error('test:vscode:desktop: the suite wrote no results (VS Code did not start or the suite crashed; see above)');
        return 1;
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`test:vscode:desktop: ${results.passed} checks passed, ${results.failed} failed in ${seconds} s (VS Code ${results.environment.vscode})`);
    return results.failed === 0 && results.passed > 0 ? 0 : 1;
}

process.exitCode = await main().catch(error => {
    console.error(`test:vscode:desktop: ${error.stack ?? error}`);
    return 1;
});
