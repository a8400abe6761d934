import type { ValidationAcceptor } from 'langium';
import type { RoleKind, RoleUse, Server, Vm, VmRoles } from '../generated/ast.js';
import { ROLE_NAMES, roleInfo } from '../catalog/roles.js';
import { effectiveVms } from '../semantics/placement.js';
import { isPrimary, roleUseText } from '../semantics/server-facts.js';
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

function sameRole(a: RoleUse, b: RoleUse): boolean {
    return a.role === b.role && a.relation === b.relation && a.source?.$refText === b.source?.$refText;
}

/** `ldap from X`, `dns from X`, `videobridge for X`: the right keyword, a real primary as source, not itself. */
export function checkRoleSource(use: RoleUse, accept: ValidationAcceptor): void {
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
    checkSourceIsPrimary(use, source, accept);
}

function checkSourceIsPrimary(use: RoleUse, source: Vm, accept: ValidationAcceptor): void {
    const server = source.$container;
    const vms = effectiveVms(server);
    const roles = vms.find(v => v.declared === source)?.roles ?? [];
    const wanted = sourceRole(use);
    if (roles.some(r => r.role === wanted && isPrimary(r))) {
        return;
    }
    const name = qualifiedName(source);
    const asReplica = roles.find(r => r.role === use.role && !isPrimary(r))?.use;
    const origin = asReplica?.source?.ref;
    if (asReplica && origin) {
        const target = qualifiedName(origin);
        accept('error', `${name} is itself a ${what(use)}; ${use.relation === 'for' ? 'point to' : 'replicate from'} ${target}, which runs the primary ${use.role}.`,
            coded(ServerCodes.SourceNotPrimary, { node: use, property: 'source' }, { replacement: target }));
        return;
    }
    const primary = vms.find(v => v.declared && v.roles.some(r => r.role === wanted && isPrimary(r)));
    const hint = primary ? `, e.g. ${qualifiedName(primary.declared!)}` : ` (no VM of ${server.name} that is written out runs it)`;
    accept('error', `${name} does not run ${wanted}: name a VM that runs the primary ${wanted}${hint}.`,
        coded(ServerCodes.SourceNotPrimary, { node: use, property: 'source' }, primary ? { replacement: qualifiedName(primary.declared!) } : {}));
}

/** `ldap from X` needs ldap on X; `videobridge for X` needs the Meet on X. */
function sourceRole(use: RoleUse): RoleKind {
    return use.relation === 'for' ? 'meet' : use.role;
}

function what(use: RoleUse): string {
    return use.role === 'videobridge' ? 'videobridge for another Meet' : use.role === 'dns' ? 'DNS secondary' : 'replica';
}

export function qualifiedName(vm: Vm): string {
    return `${vm.$container.name}.${vm.name}`;
}

/** A videobridge without `for` serves the Meet of its own server, so there must be one. */
export function checkBareVideobridges(server: Server, accept: ValidationAcceptor): void {
    const vms = effectiveVms(server);
    const meet = vms.find(vm => vm.roles.some(r => r.role === 'meet' && isPrimary(r)));
    if (meet) {
        return;
    }
    for (const vm of vms) {
        for (const role of vm.roles.filter(r => r.role === 'videobridge' && isPrimary(r) && r.use)) {
            accept('error', `Server ${server.name} runs no Meet for this videobridge to serve: say which Meet it serves, e.g. videobridge for hv1.meet.`,
                coded(ServerCodes.VideobridgeWithoutMeet, useInfo(role.use!)));
        }
    }
}

/** Diagnostics about a role use cover the role name only, not its `from`/`for` part. */
export function useInfo(use: RoleUse) {
    return { node: use, property: 'role' } as const;
}
