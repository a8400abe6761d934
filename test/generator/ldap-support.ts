import type { GuestContext, RoleOutput } from '../../src/generator/guest-context.js';
import type { Infrastructure, RoleModel } from '../../src/model/infrastructure.js';
import { resolveInfrastructure } from '../../src/model/resolve.js';
import type { SecretStore } from '../../src/model/secrets.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import type { PlatformProfile } from '../../src/platform/profile.js';
import { checkFixture, fixtureSecrets, guestContext, parseExample } from '../support/generation.js';

/**
 * Shared by the ldap and dns renderer tests: the context of one VM of an example, with the fixture
 * secrets. The real checkers (slaptest, named-checkconf…) run in test/configs.
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
