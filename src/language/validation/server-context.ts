import type { Company, Server, Spec } from '../generated/ast.js';
import { hostedCompanies } from '../semantics/hosting.js';
import { effectiveVms, type EffectiveVm } from '../semantics/placement.js';

/**
 * What the rules about one server share, worked out once per validation of that server rather
 * than once per rule: placement reads the whole server and every company it hosts.
 */
export interface ServerContext {
    /** The companies the server hosts, decided over the whole workspace. */
    readonly companies: readonly Company[];
    /** Its effective VMs (`effectiveVms`). */
    readonly vms: readonly EffectiveVm[];
    /** Every server of the workspace, this one included. */
    readonly servers: readonly Server[];
    /** The effective VMs of any server of the workspace (a role's source may be on another), each worked out once. */
    readonly placementOf: (server: Server) => readonly EffectiveVm[];
}

/** The context of `server`, given the specs of every document of the workspace. */
export function serverContext(server: Server, specs: readonly Spec[]): ServerContext {
    const placements = new Map<Server, readonly EffectiveVm[]>();
    const placementOf = (other: Server): readonly EffectiveVm[] => {
        let vms = placements.get(other);
        if (!vms) {
            vms = effectiveVms(other, hostedCompanies(other, specs));
            placements.set(other, vms);
        }
        return vms;
    };
    const companies = hostedCompanies(server, specs);
    const vms = effectiveVms(server, companies);
    placements.set(server, vms);
    return { companies, vms, servers: specs.flatMap(spec => spec.servers), placementOf };
}
