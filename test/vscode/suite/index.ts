import { renameSync, readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { diagnosticsChecks } from './diagnostics-checks.js';
import { diagramChecks } from './diagram-checks.js';
import { editingChecks } from './editing-checks.js';
import { generateChecks } from './generate-checks.js';
import { errorsOf, workspaceUri } from './helpers.js';
import { navigationChecks } from './navigation-checks.js';
import { Checks, type SuiteResults } from './runner.js';

/**
 * The in-host suite, bundled to one CommonJS file with two entry points:
 * - `run()`: @vscode/test-electron's extensionTestsPath (desktop), results to $COMPANYKIT_E2E_RESULTS;
 * - `activate()`: the harness extension code-server loads when the workspace holds
 *   `.companykit-e2e.json`, which names the results file the Playwright runner waits for.
 */

const MARKER = '.companykit-e2e.json';

export async function runSuite(): Promise<SuiteResults> {
    const started = Date.now();
    const checks = new Checks();
    await diagnosticsChecks(checks);
    await navigationChecks(checks);
    await editingChecks(checks);
    const acmeVms = await generateChecks(checks);
    await diagramChecks(checks, acmeVms);
    checks.page.statusBar = statusBarExpectations();
    return checks.summary(started, {
        vscode: vscode.version, app: vscode.env.appName, uiKind: vscode.UIKind[vscode.env.uiKind], node: process.version
    });
}

/** What the status bar must read for each spec, from the diagnostics the editor holds now. */
function statusBarExpectations(): Record<string, string> {
    const errors = errorsOf(workspaceUri('broken.company')).length;
    return {
        'acme.company': 'CompanyKit: valid',
        'broken.company': `CompanyKit: ${errors} ${errors === 1 ? 'error' : 'errors'}`
    };
}

function writeResults(file: string, results: SuiteResults): void {
    // Whole or not at all: the runner polls for this file.
    writeFileSync(`${file}.partial`, `${JSON.stringify(results, null, 2)}\n`);
    renameSync(`${file}.partial`, file);
}

function crashResults(error: unknown): SuiteResults {
    return {
        passed: 0, failed: 1, durationMs: 0, environment: {}, page: {},
        checks: [{ name: 'the suite runs', ok: false, ms: 0, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }]
    };
}

/** @vscode/test-electron entry: throws when a check failed, which fails the run. */
export async function run(): Promise<void> {
    const results = await runSuite().catch(crashResults);
    const file = process.env.COMPANYKIT_E2E_RESULTS;
    if (file) {
        writeResults(file, results);
    }
    for (const check of results.checks) {
        console.log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name} (${check.ms} ms)${check.error ? `\n     ${check.error}` : ''}`);
    }
    if (results.failed > 0) {
        throw new Error(`${results.failed} of ${results.checks.length} in-host checks failed`);
    }
}

/** Harness extension entry (code-server): run once, in the background, and write the results. */
export function activate(): void {
    let file: string;
    try {
        file = (JSON.parse(readFileSync(workspaceUri(MARKER).fsPath, 'utf-8')) as { results: string }).results;
    } catch {
        return;
    }
    void runSuite().catch(crashResults).then(results => writeResults(file, results));
}

export function deactivate(): void {}
