import type { RoleKind } from '../language/generated/ast.js';
import type { Infrastructure, ServerModel, VmModel } from './infrastructure.js';

/**
 * The order a person deploys hosts in: per server the hypervisor first, then its guests so that
 * every guest finds what it depends on already running (directory and DNS, then the database,
 * then mail, then the applications, the website, and the reverse proxy last). Servers whose
 * copies (replicas, secondaries, extra videobridges) come from another server follow that server.
 */

/** Deployment stage per role: lower first. */
export const ROLE_STAGE: Readonly<Record<RoleKind, number>> = {
    ldap: 0, dns: 0,
    database: 1,
    mx: 2, mail: 2,
    webmail: 3, cloud: 3, git: 3, meet: 3, videobridge: 3,
    website: 4,
    proxy: 5
};

/**
 * A VM is due at its earliest role's stage: its other roles depend at most on what runs on the
 * VM itself or on earlier stages (a VM running database and cloud must precede a git VM using
 * that database).
 */
export const vmStage = (vm: VmModel): number => Math.min(...vm.roles.map(r => ROLE_STAGE[r.role]));

export interface DeployStep {
    readonly server: ServerModel;
    /** The guests in deploy order. */
    readonly guests: readonly VmModel[];
}

export function deployOrder(infra: Infrastructure): DeployStep[] {
    return orderServers(infra.servers).map(server => ({
        server,
        guests: server.vms
            .map((vm, index) => ({ vm, index, stage: vmStage(vm) }))
            .sort((a, b) => a.stage - b.stage || a.index - b.index)
            .map(entry => entry.vm)
    }));
}

/** Servers in spec order, except that one whose VMs copy from another server's VM comes after it. */
function orderServers(servers: readonly ServerModel[]): ServerModel[] {
    const sourcesOf = (server: ServerModel): Set<string> => new Set(server.vms.flatMap(vm => vm.roles)
        .map(role => role.from?.split('.')[0])
        .filter((name): name is string => name !== undefined && name !== server.name));
    const done = new Set<string>();
    const ordered: ServerModel[] = [];
    let pending = [...servers];
    while (pending.length > 0) {
        const ready = pending.find(s => [...sourcesOf(s)].every(source => done.has(source) || !servers.some(o => o.name === source)));
        // A cycle between servers (each copying from the other) cannot be ordered: keep spec order.
        const next = ready ?? pending[0];
        ordered.push(next);
        done.add(next.name);
        pending = pending.filter(s => s !== next);
    }
    return ordered;
}
