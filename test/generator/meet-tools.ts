import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The real checkers for Jitsi files (Debian 12: `apt-get install prosody lua5.4 shellcheck nginx`;
 * node is always there; the HOCON parser is a devDependency). A test whose tool is missing is skipped
 * with the reason in its name, never passed silently.
 */

import { hasCommand } from '../support/tools.js';

export { hasCommand };

export interface Run {
    readonly status: number | null;
    readonly output: string;
}

export function run(command: string, args: readonly string[], options: { cwd?: string } = {}): Run {
    const result = spawnSync(command, args, { encoding: 'utf-8', cwd: options.cwd });
    return { status: result.status, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

/** A world-readable temp dir (daemons that drop privileges must reach it). */
export function tempDir(prefix: string): string {
    const dir = mkdtempSync(join(tmpdir(), prefix));
    chmodSync(dir, 0o755);
    return dir;
}

export function writeTemp(dir: string, name: string, content: string, mode = 0o644): string {
    const file = join(dir, name);
    mkdirSync(join(file, '..'), { recursive: true });
    writeFileSync(file, content, { mode });
    chmodSync(file, mode);
    return file;
}

/** `luac -p` of Lua 5.4 (or whichever luac is installed). */
export const luac = ['luac5.4', 'luac'].find(hasCommand);

const require = createRequire(import.meta.url);

/** Strict HOCON parse (@pushcorn/hocon-parser): the object, or the parser's error. */
export async function parseHocon(text: string): Promise<Record<string, unknown>> {
    const parse = require('@pushcorn/hocon-parser') as (options: { text: string, strict: boolean }) => Promise<Record<string, unknown>>;
    return parse({ text, strict: true });
}

/** shellcheck as for NetBSD rc.d scripts: dash dialect, rc.subr not followed, its variables not "unused". */
export function shellcheck(file: string): Run {
    return run('shellcheck', ['-s', 'dash', '-e', 'SC1091,SC2034', file]);
}

/** provision.sh functions the fragments call, as no-op stubs, so a fragment can be checked alone. */
export const PROVISION_STUBS = '#!/bin/sh\nsay() { :; }\ndie() { :; }\nensure_user() { :; }\nensure_dir() { :; }\nensure_certificate() { :; }\n';
