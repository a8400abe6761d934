import type { RoleKind } from '../../src/language/generated/ast.js';
import type { GuestContext, RoleOutput } from '../../src/generator/guest-context.js';
import type { RoleRenderer } from '../../src/generator/guest-context.js';
import { renderWebmail } from '../../src/generator/roles/webmail.js';
import { renderDatabase } from '../../src/generator/roles/database.js';
import { renderCloud } from '../../src/generator/roles/cloud.js';
import { renderGit } from '../../src/generator/roles/git.js';
import type { PlatformProfile } from '../../src/platform/profile.js';
import { fixtureSecrets, guestContext, resolveExample } from '../support/generation.js';

/**
 * Shared by the webmail, database, cloud and git renderer tests: render one role of one VM of an
 * example with the fixture secrets. The real checkers (php -l, mariadbd, configparser, shellcheck)
 * run on every generated file in test/configs (npm run test:configs).
 */

// The four renderers directly (not the whole registry), so these tests do not depend on other roles.
const RENDERERS: Partial<Record<RoleKind, RoleRenderer>> = { webmail: renderWebmail, database: renderDatabase, cloud: renderCloud, git: renderGit };

export async function renderRole(example: string, host: string, kind: 'webmail' | 'database' | 'cloud' | 'git', profile?: PlatformProfile): Promise<{ context: GuestContext, output: RoleOutput }> {
    const context = guestContext(await resolveExample(example), host, fixtureSecrets(example), profile);
    const role = context.vm.roles.find(r => r.role === kind);
    if (!role) {
        throw new Error(`${example} has no ${kind} on ${host}`);
    }
    return { context, output: RENDERERS[kind]!(context, role) };
}

export { roleFile as fileOf } from '../support/generation.js';
