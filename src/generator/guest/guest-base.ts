import { guestHostsEntries, guestResolver } from '../../model/guest-network.js';
import { guestPackageNames, guestServices, packageRepository } from '../../model/guest-software.js';
import type { GeneratedFile } from '../file-set.js';
import type { GuestContext, RoleOutput } from '../guest-context.js';
import { renderTemplate } from '../templates.js';
import { renderGuestProvision } from './guest-provision.js';
import { renderSharedDaemonConfigs } from './shared-daemon-configs.js';

/**
 * The files every guest gets whatever it runs: rc.conf where the system has one (system settings, one
 * `<rcvar>=YES` per daemon, then the roles' lines), hosts, resolv.conf, pkgin's repository list where
 * pkgin installs the packages, provision.sh, and
 * the main configs of daemons several roles share (nginx, php-fpm).
 */
export function renderGuestBase(context: GuestContext, roleOutputs: readonly RoleOutput[]): GeneratedFile[] {
    const { vm, server, infra, profile } = context;
    const base = profile.base;
    const host = vm.host;
    const view = { vm, server, base };
    const file = (path: string, content: string, mode = 0o644): GeneratedFile => ({ host, path, mode, content });
    return [
        ...(base.rcConf === undefined ? [] : [file(base.rcConf, renderTemplate('guest/rc.conf', {
            ...view,
            ifconfig: `inet ${vm.address} netmask ${server.network.netmask}`,
            services: guestServices(vm, base),
            roleLines: [...new Set(roleOutputs.flatMap(output => output.rcConf ?? []))]
        }))]),
        file(base.hostsFile, renderTemplate('guest/hosts', { ...view, entries: guestHostsEntries(server) })),
        file(base.resolvConf, renderTemplate('guest/resolv.conf', { ...view, resolver: guestResolver(infra, server) })),
        ...(base.pkginRepositoriesConf === undefined ? [] : [
            file(base.pkginRepositoriesConf, renderTemplate('guest/repositories.conf', { ...view, repository: packageRepository(server) }))
        ]),
        // 0700: role fragments pass database and service passwords to their tools; only root runs it.
        file(`${base.provisionDir}/provision.sh`, renderGuestProvision(context, roleOutputs, guestPackageNames(vm, base)), 0o700),
        ...renderSharedDaemonConfigs(context)
    ];
}
