import { delegations } from '../model/deploy-delegation.js';
import { deployOrder } from '../model/deploy-order.js';
import { vmServiceName } from '../model/hypervisor-network.js';
import type { Infrastructure, ServerModel } from '../model/infrastructure.js';
import type { PlatformProfile } from '../platform/profile.js';
import type { GeneratedFile } from './file-set.js';
import { renderTemplate } from './templates.js';

/**
 * `README.md` at the output's root: the deploy steps in order (per server the hypervisor, then
 * its guests in dependency order), the DNS delegation for the registrar, the public ports, and
 * where the initial passwords are (never the passwords themselves).
 */
export function renderDeployGuide(infra: Infrastructure, profile: PlatformProfile): GeneratedFile[] {
    const steps = deployOrder(infra).map((step, index) => ({
        step: index + 1,
        server: step.server,
        diskDir: profile.hypervisor.diskDir,
        runDir: profile.hypervisor.runDir,
        guests: step.guests.map((vm, position) => ({
            vm, index: position + 1, service: vmServiceName(vm), roles: vm.roles.map(r => r.role).join(', ')
        })),
        forwards: step.server.forwards.map(f => ({ ...f, target: forwardTarget(step.server, f.vm) }))
    }));
    const first = steps[0];
    const firstCompany = infra.companies[0];
    const firstUser = firstCompany?.users.find(u => u.generatedPassword) ?? firstCompany?.users[0];
    const content = renderTemplate('guide/README.md', {
        first: { server: first?.server ?? { name: 'server' }, firstGuest: first?.guests[0]?.vm.name ?? 'vm' },
        steps,
        delegations: delegations(infra),
        passwordExample: firstCompany && firstUser ? `${firstCompany.name}:${firstUser.name}` : 'company:user',
        passwordUsers: infra.companies.map(c => ({ company: c.name, users: c.users.filter(u => u.generatedPassword).map(u => u.name) }))
    });
    return [{ host: null, path: 'README.md', mode: 0o644, content }];
}

function forwardTarget(server: ServerModel, vm: string | undefined): string {
    if (vm === undefined) {
        return `the hypervisor ${server.name}`;
    }
    const model = server.vms.find(v => v.host === vm);
    return model ? `${vm} (${model.address})` : vm;
}
