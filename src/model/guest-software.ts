import type { BasePlatform } from '../platform/base-platform.js';
import type { DaemonId } from './software.js';
import type { ServerModel, VmModel } from './infrastructure.js';

/** What a guest installs and starts, in the platform's names. */

/** Package names for the VM's abstract package ids, in order, each once (an id may map to none). */
export function guestPackageNames(vm: VmModel, base: BasePlatform): string[] {
    return [...new Set(vm.packages.flatMap(id => base.packages[id]))];
}

export interface GuestService {
    readonly id: DaemonId;
    /** The rc.conf variable and the rc.d script's name. */
    readonly rcvar: string;
}

/** The VM's daemons in start order, each with its rc.conf variable. */
export function guestServices(vm: VmModel, base: BasePlatform): GuestService[] {
    return vm.daemons.map(id => ({ id, rcvar: base.daemons[id].rcvar }));
}

export interface PackageRepository {
    /** pkgin's line: `<mirror>/NetBSD/$arch/<major>.0/All` (pkgin expands `$arch`). */
    readonly pkginUrl: string;
    /** For a shell bootstrap before pkgin exists: `<before>$(uname -p)<after>`. */
    readonly before: string;
    readonly after: string;
}

/**
 * The pkgsrc binary repository for the server's OS: the official layout is
 * `packages/NetBSD/<uname -p>/<major>.0/All`, where `<major>.0` follows the newest quarterly branch
 * built for that release, so minor releases (10.1) use the 10.0 packages.
 */
export function packageRepository(server: ServerModel): PackageRepository {
    const major = server.os.version.split('.')[0];
    const base = server.mirror.replace(/\/+$/, '');
    const before = `${base}/NetBSD/`;
    const after = `/${major}.0/All`;
    return { pkginUrl: `${before}$arch${after}`, before, after };
}

export type ServiceAction = 'start' | 'restart' | 'reload';

/**
 * The shell command that acts on a daemon now. On rc.d `start` is `onestart`, which also works
 * before the daemon is enabled in rc.conf (provision.sh starts MariaDB early to load its accounts).
 */
export function serviceCommand(base: BasePlatform, daemon: DaemonId, action: ServiceAction): string {
    const name = base.daemons[daemon].rcvar;
    if (base.initSystem === 'systemd') {
        return `systemctl ${action} ${name}.service`;
    }
    return `${base.rcDir}/${name} ${action === 'start' ? 'onestart' : action}`;
}
