import type { GeneratedFile } from '../../src/generator/file-set.js';
import type { GuestContext, RoleOutput } from '../../src/generator/guest-context.js';
import { renderGuestBase } from '../../src/generator/guest/guest-base.js';
import { renderHypervisor } from '../../src/generator/hypervisor/hypervisor.js';
import type { Infrastructure } from '../../src/model/infrastructure.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import { fixtureSecrets, guestContext as contextOf } from '../support/generation.js';

/**
 * The guest base and hypervisor files of an example without the role renderers (tested by their
 * owners): each role contributes the synthetic output `roleOutput(role)`.
 */
export function baseFiles(name: string, infra: Infrastructure, roleOutput: (role: string) => RoleOutput = () => ({ files: [] })): GeneratedFile[] {
    const files: GeneratedFile[] = [];
    for (const server of infra.servers) {
        files.push(...renderHypervisor(infra, server, netbsdProfile));
        for (const vm of server.vms) {
            files.push(...renderGuestBase(guestContext(name, infra, server.name, vm.name), vm.roles.map(r => roleOutput(r.role))));
        }
    }
    return files;
}

export function guestContext(name: string, infra: Infrastructure, serverName: string, vmName: string): GuestContext {
    return contextOf(infra, `${serverName}.${vmName}`, fixtureSecrets(name));
}
