import type { ValidationAcceptor } from 'langium';
import type { RoleUse, Server, Vm, VmRoles } from '../generated/ast.js';
import { ROLE_NAMES, roleInfo } from '../catalog/roles.js';
import { declaredVms, isPrimary, primaryVmsFor, roleUses, roleUseText, sourceRoleOf } from '../semantics/server-facts.js';
import { refKey } from './duplicate-entry-validator.js';
import type { ServerContext } from './server-context.js';
import { ServerCodes } from './server-codes.js';
import { coded } from './report.js';

/** Roles on VMs: duplicates, replicas/secondaries/extra videobridges and their sources (public ports: public-port-validator.ts). */

export function checkDuplicateRoles(roles: VmRoles, accept: ValidationAcceptor): void {
    const vm = roles.$container;
    const earlier = vm.settings.flatMap(s => s.$type === 'VmRoles' && s !== roles && offsetOf(s) < offsetOf(roles) ? s.roles : []);
    roles.roles.forEach((use, index) => {
        const seen = [...earlier, ...roles.roles.slice(0, index)];
        if (seen.some(other => sameRole(other, use))) {
            accept('warning', `VM ${vm.name} already runs ${roleUseText(use)}: remove the duplicate.`,
                coded(ServerCodes.DuplicateRole, { node: roles, property: 'roles', index }));
        }
    });
}

const offsetOf = (node: VmRoles) => node.$cstNode?.offset ?? 0;

/** The same role from the same source: `ldap from auth` and `ldap from hv1.auth` are one when both name the same VM. */
function sameRole(a: RoleUse, b: RoleUse): boolean {
    return a.role === b.role && a.relation === b.relation && (a.source && refKey(a.source)) === (b.source && refKey(b.source));
}

/** Every role use of the server's VMs that names a source (`ldap from X`, `videobridge for X`). */
export function checkRoleSources(server: Server, accept: ValidationAcceptor, context: ServerContext): void {
    for (const vm of declaredVms(server)) {
        roleUses(vm).filter(use => use.relation).forEach(use => checkRoleSource(use, accept, context));
    }
}

/** `ldap from X`, `dns from X`, `videobridge for X`: the right keyword, a real primary as source, not itself. */
function checkRoleSource(use: RoleUse, accept: ValidationAcceptor, context: ServerContext): void {
    if (!use.relation || !ROLE_NAMES.includes(use.role)) {
        return;
    }
    const relation = roleInfo(use.role).sourceRelation;
    if (!relation) {
        accept('error', `${use.role} has no replicas or secondaries: remove \`${use.relation} ${use.source?.$refText ?? ''}\` `
            + '(only ldap from, dns from and videobridge for take a source VM).',
            coded(ServerCodes.RoleTakesNoSource, { node: use, keyword: use.relation }));
        return;
    }
    if (relation.keyword !== use.relation) {
        accept('error', `${use.role} takes \`${relation.keyword}\`, not \`${use.relation}\`: write ${use.role} ${relation.keyword} ${use.source?.$refText ?? '<vm>'} (${relation.meaning}).`,
            coded(ServerCodes.WrongSourceKeyword, { node: use, keyword: use.relation }, { replacement: relation.keyword }));
        return;
    }
    const source = use.source?.ref;
    if (!source) {
        return;  // unresolved: the linker reports it
    }
    const vm = use.$container.$container;
    if (source === vm) {
        accept('error', `VM ${vm.name} cannot take ${use.role} from itself: name the VM that runs the primary ${use.role}, on this or another server.`,
            coded(ServerCodes.ReplicatesItself, { node: use, property: 'source' }));
        return;
    }
    checkSourceIsPrimary(use, source, accept, context);
}

function checkSourceIsPrimary(use: RoleUse, source: Vm, accept: ValidationAcceptor, context: ServerContext): void {
    const server = source.$container;
    const placement = context.placementOf(server);
    const wanted = sourceRoleOf(use)!;
    const primaries = primaryVmsFor(placement, wanted);
    if (primaries.includes(source)) {
        return;
    }
    const roles = placement.find(v => v.declared === source)?.roles ?? [];
    const name = qualifiedName(source);
    const asReplica = roles.find(r => r.role === use.role && !isPrimary(r))?.use;
    const origin = asReplica?.source?.ref;
    if (asReplica && origin) {
        const target = qualifiedName(origin);
        accept('error', `${name} is itself a ${what(use)}; ${use.relation === 'for' ? 'point to' : 'replicate from'} ${target}, which runs the primary ${use.role}.`,
            coded(ServerCodes.SourceNotPrimary, { node: use, property: 'source' }, { replacement: target }));
        return;
    }
    const primary = primaries[0];
    const hint = primary ? `, e.g. ${qualifiedName(primary)}` : ` (no VM of ${server.name} that is written out runs it)`;
    accept('error', `${name} does not run ${wanted}: name a VM that runs the primary ${wanted}${hint}.`,
        coded(ServerCodes.SourceNotPrimary, { node: use, property: 'source' }, primary ? { replacement: qualifiedName(primary) } : {}));
}

function what(use: RoleUse): string {
    return use.role === 'videobridge' ? 'videobridge for another Meet' : use.role === 'dns' ? 'DNS secondary' : 'replica';
}

function qualifiedName(vm: Vm): string {
    return `${vm.$container.name}.${vm.name}`;
}

/**
 * A videobridge without `for` serves the Meet of its own server, so there must be one. The advice
 * names a Meet VM written out on another server of the workspace when there is one.
 */
export function checkBareVideobridges(server: Server, accept: ValidationAcceptor, context: ServerContext): void {
    const { vms } = context;
    if (vms.some(vm => vm.roles.some(r => r.role === 'meet' && isPrimary(r)))) {
        return;
    }
    const bare = vms.flatMap(vm => vm.roles.filter(r => r.role === 'videobridge' && isPrimary(r) && r.use)).map(r => r.use!);
    if (bare.length === 0) {
        return;
    }
    const meet = meetElsewhere(server, context);
    const advice = meet ? `say which Meet it serves, e.g. videobridge for ${qualifiedName(meet)}.`
        : `say which Meet it serves (videobridge for <server>.<vm>), or add meet to a VM of ${server.name}.`;
    for (const use of bare) {
        accept('error', `Server ${server.name} runs no Meet for this videobridge to serve: ${advice}`,
            coded(ServerCodes.VideobridgeWithoutMeet, useInfo(use)));
    }
}

/** The first Meet VM written out on another (named) server of the workspace; placement is worked out server by server until one is found. */
function meetElsewhere(server: Server, context: ServerContext): Vm | undefined {
    for (const other of context.servers.filter(s => s !== server && typeof s.name === 'string')) {
        const [meet] = primaryVmsFor(context.placementOf(other), 'meet');
        if (meet) {
            return meet;
        }
    }
    return undefined;
}

/** Diagnostics about a role use cover the role name only, not its `from`/`for` part. */
export function useInfo(use: RoleUse) {
    return { node: use, property: 'role' } as const;
}
