import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { GeneratedFile } from '../../src/generator/file-set.js';
import type { GuestContext, RoleOutput } from '../../src/generator/guest-context.js';
import type { Infrastructure, RoleModel, VmModel } from '../../src/model/infrastructure.js';
import { resolveInfrastructure } from '../../src/model/resolve.js';
import type { SecretStore, SecretsData } from '../../src/model/secrets.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import type { PlatformProfile } from '../../src/platform/profile.js';
import { fixtureSecrets, parseExample } from '../support/generation.js';

/**
 * Shared by the ldap and dns renderer tests: the context of one VM of an example, with the fixture
 * secrets, and a way to run the real checkers (slaptest, named-checkconf/-zone) when installed.
 */

export interface RoleRun {
    readonly infra: Infrastructure;
    readonly secrets: SecretStore;
    context(host: string, profile?: PlatformProfile): GuestContext;
    render(host: string, role: RoleModel['role'], renderer: (c: GuestContext, r: RoleModel) => RoleOutput, profile?: PlatformProfile): RoleOutput;
}

/**
 * The example resolved with the same store the renderers then use, so a test can read back the
 * very passwords the model hashed (`secrets.password('user:acme:alice')`).
 */
export async function exampleRun(name: string): Promise<RoleRun> {
    const secrets = fixtureSecrets(name);
    const infra = resolveInfrastructure([(await parseExample(name)).parseResult.value], secrets);
    const context = (host: string, profile: PlatformProfile = netbsdProfile): GuestContext => {
        const server = infra.servers.find(s => s.vms.some(v => v.host === host));
        const vm = server?.vms.find(v => v.host === host) as VmModel;
        if (!server) {
            throw new Error(`no VM ${host} in ${name}`);
        }
        return { infra, server, vm, profile, secrets };
    };
    return {
        infra, secrets, context,
        render: (host, role, renderer, profile) => {
            const c = context(host, profile);
            const model = c.vm.roles.find(r => r.role === role);
            if (!model) {
                throw new Error(`${host} does not run ${role}`);
            }
            const output = renderer(c, model);
            recordFixture(name, secrets);
            return output;
        }
    };
}

/**
 * As test/support/generation.ts does: passwords and tokens are seeded per key in tests, so only RSA
 * keys and handed-out ids (zone serials here) must be in the fixture; a missing one fails, unless
 * UPDATE_FIXTURES=1 merges it into the file.
 */
function recordFixture(name: string, secrets: SecretStore): void {
    const file = path.join(import.meta.dirname, '..', 'fixtures', 'secrets', `${name}.secrets.json`);
    const before = JSON.parse(readFileSync(file, 'utf-8')) as SecretsData;
    const after = secrets.snapshot();
    const missing = [...Object.keys(after.keys).filter(k => !before.keys[k]), ...Object.keys(after.ids).filter(k => before.ids[k] === undefined)];
    if (missing.length === 0) {
        return;
    }
    if (!process.env.UPDATE_FIXTURES) {
        throw new Error(`missing from ${file}: ${missing.join(', ')}; run with UPDATE_FIXTURES=1 to add them`);
    }
    writeFileSync(file, JSON.stringify({ ...before, keys: { ...before.keys, ...after.keys }, ids: { ...before.ids, ...after.ids } }, null, 2) + '\n');
}

export function fileOf(output: RoleOutput, filePath: string): GeneratedFile {
    const file = output.files.find(f => f.path === filePath);
    if (!file) {
        throw new Error(`no ${filePath}; files: ${output.files.map(f => f.path).join(', ')}`);
    }
    return file;
}

/** The first of `candidates` that exists, or undefined: the checkers live in /usr/sbin on Debian. */
export function tool(...candidates: string[]): string | undefined {
    return candidates.find(c => existsSync(c));
}

export function tempDir(prefix: string): string {
    return mkdtempSync(path.join(tmpdir(), prefix));
}

/** Run a checker; returns its combined stdout and stderr and its exit status instead of throwing. */
export function run(command: string, args: readonly string[]): { status: number, output: string } {
    const result = spawnSync(command, args, { encoding: 'utf-8' });
    return { status: result.status ?? 1, output: `${result.stdout ?? ''}${result.stderr ?? ''}${result.error?.message ?? ''}` };
}
