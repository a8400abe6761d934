import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { GuestContext, RoleOutput } from '../../src/generator/guest-context.js';
import type { Infrastructure, RoleModel } from '../../src/model/infrastructure.js';
import { resolveInfrastructure } from '../../src/model/resolve.js';
import type { SecretStore } from '../../src/model/secrets.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import type { PlatformProfile } from '../../src/platform/profile.js';
import { checkFixture, fixtureSecrets, guestContext, parseExample } from '../support/generation.js';

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
    const context = (host: string, profile: PlatformProfile = netbsdProfile): GuestContext => guestContext(infra, host, secrets, profile);
    return {
        infra, secrets, context,
        render: (host, role, renderer, profile) => {
            const c = context(host, profile);
            const model = c.vm.roles.find(r => r.role === role);
            if (!model) {
                throw new Error(`${host} does not run ${role}`);
            }
            const output = renderer(c, model);
            checkFixture(name, secrets);
            return output;
        }
    };
}

export { roleFile as fileOf } from '../support/generation.js';

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
