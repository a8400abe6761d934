import { spawnSync } from 'node:child_process';
import type { GeneratedFile } from '../../../src/generator/file-set.js';
import type { PlatformName } from '../../../src/platform/profile.js';
import type { HostTree } from './config-tree.js';

/**
 * How a file is proven: `daemon` = the program that reads it in production (or its own checker:
 * slaptest, postconf, nginx -t…) accepted it; `syntax` = its language's parser accepted it (php -l,
 * node --check, HOCON, INI, shellcheck), because the daemon is not in Debian; `structure` = our own
 * lint of what no tool here can read (npf.conf).
 */
export type CheckKind = 'daemon' | 'syntax' | 'structure';

/** What a checker reports: a failure names the host, the file, the line and the program's message. */
export interface Finding {
    readonly host: string;
    /** The on-host path (`/etc/postfix/main.cf`). */
    readonly file: string;
    readonly line?: number;
    readonly message: string;
}

export interface Checker {
    /** As the summary prints it: the command, e.g. `slaptest -u`. */
    readonly name: string;
    readonly kind: CheckKind;
    /** Programs it runs; a missing one fails the run with what to install (`.ci/run` installs them). */
    readonly tools: readonly string[];
    /** The trees it applies to (default: debian only; shell scripts are checked in both). */
    readonly platforms?: readonly PlatformName[];
    /** The files of this host that it reads; each is counted as checked by this checker. */
    claims(host: HostTree): GeneratedFile[];
    /** Runs the real program on the claimed files (as written on disk); [] when it accepts them all. */
    check(host: HostTree, files: readonly GeneratedFile[]): Finding[] | Promise<Finding[]>;
    /** Proof that the checker is no no-op: break one claimed file and it must say so. */
    readonly negativeControl: NegativeControl;
}

export interface NegativeControl {
    /** The claimed file to break (the first host of the first example holding one is used). */
    pick(file: GeneratedFile): boolean;
    /** A realistic mistake: a misspelt directive, a missing brace. Must change the content. */
    breakContent(content: string): string;
    /** The program's own words, expected in a finding's message. */
    readonly expect: RegExp;
}

export interface ToolRun {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
    /** stdout and stderr, trimmed, for messages. */
    readonly output: string;
}

/** Run a program without a shell; never throws (a missing program is status null with the reason). */
export function runTool(command: string, args: readonly string[], options: { cwd?: string, env?: NodeJS.ProcessEnv, input?: string, timeoutMs?: number } = {}): ToolRun {
    const result = spawnSync(command, args, {
        encoding: 'utf-8', cwd: options.cwd, env: options.env ?? process.env, input: options.input,
        timeout: options.timeoutMs ?? 60_000
    });
    const stdout = result.stdout ?? '';
    const stderr = (result.stderr ?? '') + (result.error ? `${result.error.message}\n` : '');
    return { status: result.status, stdout, stderr, output: `${stdout}${stderr}`.trim() };
}

/**
 * The first line number a program's message gives for `file` (`file:12:`, `line 12`, `(line 12)`),
 * or undefined. Checkers use it so a failure points at the line.
 */
export function lineIn(message: string): number | undefined {
    const match = /(?::(\d+):|\bline (\d+)\b|\(line (\d+)\))/i.exec(message);
    const value = match?.[1] ?? match?.[2] ?? match?.[3];
    return value === undefined ? undefined : Number(value);
}

/** A finding for `file` from a failed run: its output (trimmed to a readable size) and the line it names. */
export function findingFrom(host: HostTree, file: GeneratedFile | string, run: ToolRun | string): Finding {
    const message = (typeof run === 'string' ? run : run.output || `exit status ${run.status}`).split('\n').slice(0, 20).join('\n');
    return { host: host.host, file: typeof file === 'string' ? file : file.path, line: lineIn(message), message };
}

export function formatFinding(finding: Finding): string {
    return `${finding.host} ${finding.file}${finding.line === undefined ? '' : `:${finding.line}`}: ${finding.message}`;
}
