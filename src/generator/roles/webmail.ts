import type { RoleRenderer } from '../guest-context.js';
import { roleCompanies } from '../guest-context.js';
import { renderTemplate } from '../templates.js';
import { ROUNDCUBE_PLUGINS, roundcubeSites } from '../../model/web-apps-roundcube.js';
import { phpSizes } from '../../model/web-apps-php.js';

/**
 * Roundcube: the shared `config.inc.php`, one host file per company (its database, login domain,
 * address book and keys), an nginx site with a server per company, one php-fpm pool, and the
 * provision step that creates Roundcube's directories and loads its schema into empty databases.
 */
export const renderWebmail: RoleRenderer = (context, role) => {
    const { vm, profile } = context;
    const { roundcube, php } = profile.web;
    const { base } = profile;
    const companies = roleCompanies(context, role);
    const sites = roundcubeSites(context.infra, context.secrets, vm, companies);
    const largestMessage = Math.max(...companies.filter(c => c.services.webmail).map(c => c.mail.maxMessageSizeBytes), 0);
    const sizes = phpSizes(largestMessage);
    const socket = `${php.socketDir}/webmail.sock`;
    const secretFile = { mode: 0o640, owner: 'root', group: base.phpFpmGroup };
    return {
        files: [
            {
                host: vm.host, path: `${roundcube.configDir}/config.inc.php`, ...secretFile,
                content: renderTemplate('webmail/config.inc.php', {
                    vm, roundcube, sites, plugins: ROUNDCUBE_PLUGINS, proxies: [...new Set(sites.map(s => s.proxyAddress))]
                })
            },
            ...sites.map(site => ({
                host: vm.host, path: `${roundcube.configDir}/${site.hostConfigFile}`, ...secretFile,
                content: renderTemplate('webmail/host.inc.php', { site })
            })),
            {
                host: vm.host, path: `${base.nginxConfDir}/sites/webmail.conf`, mode: 0o644,
                content: renderTemplate('webmail/nginx-site.conf', {
                    vm, roundcube, sites, socket, maxBodySize: sizes.nginxBody, logDir: base.nginxLogDir, fastcgiParams: php.fastcgiParams
                })
            },
            {
                host: vm.host, path: `${base.phpFpmPoolDir}/webmail.conf`, mode: 0o644,
                content: renderTemplate('webmail/php-fpm-pool.conf', {
                    vm, socket, user: base.phpFpmUser, group: base.phpFpmGroup, nginxUser: base.nginxUser, nginxGroup: base.nginxGroup,
                    uploadSize: sizes.upload, postSize: sizes.post
                })
            }
        ],
        provision: renderTemplate('webmail/provision.sh', {
            roundcube, sites, socketDir: php.socketDir, owner: `${base.phpFpmUser}:${base.phpFpmGroup}`, client: profile.web.mariadb.client
        })
    };
};
