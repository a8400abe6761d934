import { isServer, type Server, type Vm } from '../generated/ast.js';
import { DEFAULT_CPUS, DEFAULT_DISK_GIB, type EffectiveRole, type EffectiveVm } from '../semantics/placement.js';
import { DEFAULT_NETWORK, declaredNetwork, declaredVms, placementMode, publicAddressOf, roleUses, roleUseText, vmResources } from '../semantics/server-facts.js';
import { formatGiB, formatMiB, sizeInGiB, sizeInMiB } from '../semantics/sizes.js';
import { effectivePlacement, effectiveVmOf, vmAddressText } from './effective-placement.js';
import { bullets, code, formatSize, heading, list } from './summary-markdown.js';

/**
 * Hover summaries of servers and VMs as they will be built: placement gives a VM without an
 * address its allocated one, adds conventional roles and VMs, and applies default resources. Each
 * value says whether it is written or derived. When placement cannot be worked out, only the
 * written facts are shown.
 */

export function vmSummary(vm: Vm): string {
    const server = isServer(vm.$container) ? vm.$container : undefined;
    const effective = server && effectiveVmOf(vm, effectivePlacement(server));
    const written = vmResources(vm);
    // A size without a unit is an error and placement ignores it, so it counts as not written.
    const memory = sizeInMiB(written.memory) !== undefined ? formatSize(written.memory)
        : effective ? `${formatMiB(effective.memoryMiB)} (default for its roles)` : 'default (enough for its roles)';
    const disk = sizeInGiB(written.disk) !== undefined ? formatSize(written.disk) : `${formatGiB(effective?.diskGiB ?? DEFAULT_DISK_GIB)} (default)`;
    return [heading('vm', vm.name, server ? `on server ${code(server.name)}` : undefined), '', bullets([
        ['Address', vmAddressText(vm, effective, code)],
        ['Roles', list(roleUses(vm).map(roleUseText))],
        ['Also runs', conventionalRoles(effective)],
        ['Memory', memory],
        ['CPUs', written.cpus !== undefined ? String(written.cpus) : `${effective?.cpus ?? DEFAULT_CPUS} (default)`],
        ['Disk', disk]
    ])].join('\n');
}

/** Roles conventional placement adds to a declared VM, e.g. `database` on `vm cloud { runs cloud }`. */
function conventionalRoles(effective: EffectiveVm | undefined): string | undefined {
    const added = effective?.roles.filter(r => r.use === undefined) ?? [];
    return added.length > 0 ? `${list(added.map(r => r.role))} (conventional placement)` : undefined;
}

export function serverSummary(server: Server): string {
    const pub = publicAddressOf(server);
    const network = declaredNetwork(server);
    return [heading('server', server.name), '', bullets([
        ['Public address', pub ? `${code(pub.address)}${pub.iface ? ` on ${code(pub.iface)}` : ''}` : '(none yet)'],
        ['Network', `${code(network ?? DEFAULT_NETWORK)}${network ? '' : ' (default)'}`],
        ['Placement', placementMode(server)]
    ]), vmList(server)].join('\n');
}

/** Every effective VM with its address and roles; just the written names if placement fails. */
function vmList(server: Server): string {
    const placement = effectivePlacement(server);
    if (!placement) {
        return `- **VMs:** ${list(declaredVms(server).map(vm => vm.name), 'none written out')}`;
    }
    if (placement.length === 0) {
        return '- **VMs:** none';
    }
    return ['- **VMs:**', ...placement.map(vm => `  - ${vmLine(vm)}`)].join('\n');
}

/** `` `mx` at `10.0.0.13`: `mx` (conventional, not written out) `` */
function vmLine(vm: EffectiveVm): string {
    const address = vm.address ? ` at ${code(vm.address)}` : ' (no free address)';
    const roles = vm.roles.length > 0 ? vm.roles.map(r => roleText(r, vm)).join(', ') : 'no roles';
    return `${code(vm.name)}${address}: ${roles}${vm.declared ? '' : ' (conventional, not written out)'}`;
}

/** A role as written; on a VM that is written out, a role placed there by convention says so. */
function roleText(role: EffectiveRole, vm: EffectiveVm): string {
    const text = code(role.use ? roleUseText(role.use) : role.role);
    return vm.declared && !role.use ? `${text} (by convention)` : text;
}
