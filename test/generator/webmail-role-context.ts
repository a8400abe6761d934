import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { RoleKind } from '../../src/language/generated/ast.js';
import type { GuestContext, RoleOutput } from '../../src/generator/guest-context.js';
import type { RoleRenderer } from '../../src/generator/guest-context.js';
import { renderWebmail } from '../../src/generator/roles/webmail.js';
import { renderDatabase } from '../../src/generator/roles/database.js';
import { renderCloud } from '../../src/generator/roles/cloud.js';
import { renderGit } from '../../src/generator/roles/git.js';
import { fixtureSecrets, guestContext, resolveExample } from '../support/generation.js';

/**
 * Shared by the webmail, database, cloud and git renderer tests: render one role of one VM of an
 * example with the fixture secrets, and run the real checkers (php, python3) when installed.
 */

// The four renderers directly (not the whole registry), so these tests do not depend on other roles.
const RENDERERS: Partial<Record<RoleKind, RoleRenderer>> = { webmail: renderWebmail, database: renderDatabase, cloud: renderCloud, git: renderGit };

export async function renderRole(example: string, host: string, kind: 'webmail' | 'database' | 'cloud' | 'git'): Promise<{ context: GuestContext, output: RoleOutput }> {
    const context = guestContext(await resolveExample(example), host, fixtureSecrets(example));
    const role = context.vm.roles.find(r => r.role === kind);
    if (!role) {
        throw new Error(`${example} has no ${kind} on ${host}`);
    }
    return { context, output: RENDERERS[kind]!(context, role) };
}

export { roleFile as fileOf } from '../support/generation.js';
export { hasCommand } from '../support/tools.js';

export function tempFile(name: string, content: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'companykit-web-'));
    const file = path.join(dir, name);
    writeFileSync(file, content);
    return file;
}

/** `php -l`: rc 0 and "No syntax errors detected", or the parse error. */
export function phpLint(content: string): { status: number | null, output: string } {
    const result = spawnSync('php', ['-l', tempFile('config.php', content)], { encoding: 'utf-8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** Include a PHP config file and return the named array variable as JSON. */
export function phpArray(content: string, variable: 'config' | 'CONFIG', prelude = ''): Record<string, unknown> {
    const file = tempFile('config.php', content);
    const code = `${prelude} include $argv[1]; echo json_encode($${variable});`;
    return JSON.parse(execFileSync('php', ['-r', code, file], { encoding: 'utf-8' })) as Record<string, unknown>;
}

/** `shellcheck -s dash` on a provision fragment, with the guest base's helper functions stubbed. */
export function shellcheckFragment(fragment: string): { status: number | null, output: string } {
    const script = `#!/bin/sh\nensure_dir() { :; }\n${fragment}`;
    const result = spawnSync('shellcheck', ['-s', 'dash', tempFile('provision.sh', script)], { encoding: 'utf-8' });
    return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
