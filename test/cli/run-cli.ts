import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cliBundle, node24, repoRoot } from '../support/bundles.js';

export interface CliResult {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
    /** stdout lines shaped like `file:line:col: severity: message [code]`. */
    readonly diagnostics: string[];
}

const diagnosticLine = /^.+:\d+:\d+: (error|warning|info): .* \[[^\]]+\]$/;

/** Run the bundled CLI from the repository root, with the given Node binary. */
export function runCli(args: readonly string[], options: { node?: string, cwd?: string } = {}): CliResult {
    const result = spawnSync(options.node ?? node24, [cliBundle, ...args], {
        cwd: options.cwd ?? repoRoot, encoding: 'utf-8', timeout: 30_000
    });
    const stdout = result.stdout ?? '';
    return {
        status: result.status,
        stdout,
        stderr: result.stderr ?? '',
        diagnostics: stdout.split('\n').filter((line) => diagnosticLine.test(line))
    };
}

/** A fresh temporary directory holding the given files; returns its path. */
export function tempSpecs(files: Record<string, string>): string {
    const dir = mkdtempSync(join(tmpdir(), 'companykit-cli-'));
    for (const [name, text] of Object.entries(files)) {
        writeFileSync(join(dir, name), text);
    }
    return dir;
}
