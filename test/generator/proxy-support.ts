import type { Infrastructure, RoleModel, VmModel, ServerModel } from '../../src/model/infrastructure.js';
import type { RoleOutput } from '../../src/generator/guest-context.js';
import { ROLE_RENDERERS } from '../../src/generator/roles/index.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import type { PlatformProfile } from '../../src/platform/profile.js';
import { fixtureSecrets, guestContext, resolveExample, roleFile } from '../support/generation.js';

/** A role's output on the VM running it in an example, rendered with the netbsd profile and fixture secrets. */
export interface RoleRendering {
    readonly infra: Infrastructure;
    readonly server: ServerModel;
    readonly vm: VmModel;
    readonly role: RoleModel;
    readonly output: RoleOutput;
}

export async function renderRoleOf(example: string, roleKind: 'proxy' | 'website', profile: PlatformProfile = netbsdProfile): Promise<RoleRendering[]> {
    const infra = await resolveExample(example);
    const renderings: RoleRendering[] = [];
    for (const server of infra.servers) {
        for (const vm of server.vms) {
            for (const role of vm.roles.filter(r => r.role === roleKind)) {
                const context = guestContext(infra, vm.host, fixtureSecrets(example), profile);
                renderings.push({ infra, server, vm, role, output: ROLE_RENDERERS[roleKind](context, role) });
            }
        }
    }
    return renderings;
}

export function contentAt(output: RoleOutput, path: string): string {
    return roleFile(output, path).content;
}
