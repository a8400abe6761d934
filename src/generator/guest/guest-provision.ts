import { guestServices, packageRepository } from '../../model/guest-software.js';
import type { GuestContext, RoleOutput } from '../guest-context.js';
import { renderTemplate } from '../templates.js';
import { unpackagedSoftware } from './unpackaged-software.js';

/**
 * provision.sh of a guest: the shared shell functions, package installation, the packages' rc.d
 * scripts, each role's fragment in role order, then every daemon restarted in start order.
 */
export function renderGuestProvision(context: GuestContext, roleOutputs: readonly RoleOutput[], packages: readonly string[]): string {
    const { vm, server, profile } = context;
    const base = profile.base;
    const repository = packageRepository(server);
    return renderTemplate('guest/provision.sh', {
        vm,
        base,
        packages,
        unpackaged: unpackagedSoftware(vm, profile),
        functions: provisionFunctions(context),
        services: guestServices(vm, base),
        roles: vm.roles.map((role, index) => ({ role: role.role, fragment: roleOutputs[index]?.provision?.replace(/\s+$/, '') ?? '' }))
            .filter(role => role.fragment !== ''),
        repository,
        owned: ownedFiles(roleOutputs)
    });
}

/** Role files owned by a service user or group: provision.sh sets owner and mode once the users exist. */
function ownedFiles(roleOutputs: readonly RoleOutput[]): { path: string, owner: string, mode: string }[] {
    return roleOutputs.flatMap(output => output.files)
        .filter(file => file.owner !== undefined || file.group !== undefined)
        .map(file => ({ path: file.path, owner: `${file.owner ?? 'root'}${file.group ? `:${file.group}` : ''}`, mode: file.mode.toString(8).padStart(4, '0') }));
}

/**
 * The preamble of shell functions (shared with the hypervisor's provision.sh): the common ones, then
 * `install_packages` for the platform's package manager and `ensure_service`/`restart_service` for
 * its init system, so the body of provision.sh is the same on every platform.
 */
export function provisionFunctions(context: Pick<GuestContext, 'server' | 'profile'>): string {
    const view = { base: context.profile.base, repository: packageRepository(context.server) };
    return [
        renderTemplate('guest/provision-functions.sh', view),
        renderTemplate(`guest/packages-${view.base.packageManager}.sh`, view),
        renderTemplate(`guest/services-${view.base.initSystem}.sh`, view)
    ].join('\n');
}
