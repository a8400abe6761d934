// npm run test:vscode: the in-host suite in a real VS Code (code-server 4.139.1 from npm, in
// Debian's Chromium driven by playwright-core), with the .vsix that `npm run package` built
// installed as a user would. Prints one summary line and exits non-zero on any failure.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { codeServerDirs, freePort, installExtensions, killNow, startCodeServer, stopCodeServer } from './vscode-code-server.mjs';
import { chromiumPath, ensureHost, root } from './vscode-host.mjs';
import { pageChecks } from './vscode-page-checks.mjs';
import { buildHarness, makeWorkspace } from './vscode-suite.mjs';

const SUITE_TIMEOUT_MS = 240_000;
const artifacts = path.join(root, 'test-results');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf-8'));
const vsix = path.join(root, `${manifest.name}-${manifest.version}.vsix`);

let server;
let browser;
// Whatever happens (a failure, Ctrl-C, an exception), code-server's process group goes.
process.on('exit', () => killNow(server));
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
        killNow(server);
        process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
}

async function waitForResults(file, page) {
    const deadline = Date.now() + SUITE_TIMEOUT_MS;
    while (Date.now() < deadline) {
        if (existsSync(file)) {
            return JSON.parse(readFileSync(file, 'utf-8'));
        }
        await page.waitForTimeout(500);
    }
    throw new Error(`the in-host suite wrote no results within ${SUITE_TIMEOUT_MS / 1000} s`);
}

async function run(tmp) {
    if (!existsSync(vsix)) {
        throw new Error(`${path.basename(vsix)} is missing: run \`npm run package\` first`);
    }
    const host = ensureHost();
    const harness = await buildHarness(path.join(tmp, 'harness'));
    const dirs = codeServerDirs(tmp);
    const resultsFile = path.join(tmp, 'results.json');
    const workspace = makeWorkspace(path.join(tmp, 'workspace'), { results: resultsFile });
    installExtensions(host, dirs, { vsix, harness, harnessId: 'companykit.companykit-e2e-harness-0.0.0' });

    const port = await freePort();
    server = await startCodeServer(host, dirs, port);
    const { chromium } = createRequire(host.playwright)(host.playwright);
    browser = await chromium.launch({
        executablePath: chromiumPath,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync']
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 850 } });
    // The extension host, and with it the suite, starts once a browser client connects.
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(workspace)}`);
    const suite = await waitForResults(resultsFile, page);
    const onPage = await pageChecks(page, suite.page, { screenshot: path.join(artifacts, 'vscode-diagnostic.png') });
    return { suite, checks: [...suite.checks, ...onPage], log: dirs.log };
}

function report(outcome, started) {
    const failed = outcome.checks.filter(c => !c.ok);
    for (const c of outcome.checks) {
        console.log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name} (${c.ms} ms)${c.ok ? '' : `\n     ${String(c.error).split('\n').slice(0, 6).join('\n     ')}`}`);
    }
    const env = outcome.suite.environment;
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const size = (statSync(vsix).size / 1024).toFixed(0);
    console.log(`test:vscode: ${outcome.checks.length - failed.length} checks passed, ${failed.length} failed in ${seconds} s `
        + `(VS Code ${env.vscode} ${env.uiKind}, extension host node ${env.node}, ${path.basename(vsix)} ${size} KB)`);
    return failed.length === 0 ? 0 : 1;
}

async function main() {
    const started = Date.now();
    mkdirSync(artifacts, { recursive: true });
    const tmp = mkdtempSync(path.join(tmpdir(), 'companykit-vscode-'));
    let status = 1;
    try {
        const outcome = await run(tmp);
        status = report(outcome, started);
    } catch (error) {
        console.error(`test:vscode: ${error.stack ?? error}`);
        console.log(`test:vscode: 0 checks passed, 1 failed in ${((Date.now() - started) / 1000).toFixed(1)} s (the run itself failed)`);
    } finally {
        await browser?.close().catch(() => undefined);
        await stopCodeServer(server);
        if (status !== 0 && existsSync(path.join(tmp, 'code-server.log'))) {
            copyFileSync(path.join(tmp, 'code-server.log'), path.join(artifacts, 'vscode-code-server.log'));
            console.log('test:vscode: code-server log kept in test-results/vscode-code-server.log');
        }
        rmSync(tmp, { recursive: true, force: true });
    }
    return status;
}

process.exitCode = await main();
