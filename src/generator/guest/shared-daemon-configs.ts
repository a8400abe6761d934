import type { GeneratedFile } from '../file-set.js';
import type { GuestContext } from '../guest-context.js';
import { renderTemplate } from '../templates.js';

/**
 * Main configs of daemons that several roles may share on one VM: the guest base writes them
 * once, and each role adds only its own include (`sites/<role>.conf`, `php-fpm.d/<role>.conf`).
 */
export function renderSharedDaemonConfigs(context: GuestContext): GeneratedFile[] {
    const { vm, profile } = context;
    const base = profile.base;
    const view = { vm, base };
    const files: GeneratedFile[] = [];
    if (vm.daemons.includes('nginx')) {
        files.push({ host: vm.host, path: `${base.nginxConfDir}/nginx.conf`, mode: 0o644, content: renderTemplate('guest/nginx.conf', view) });
    }
    if (vm.daemons.includes('php-fpm')) {
        files.push({ host: vm.host, path: base.phpFpmConf, mode: 0o644, content: renderTemplate('guest/php-fpm.conf', view) });
    }
    return files;
}
