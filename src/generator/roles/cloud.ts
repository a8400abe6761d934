import type { GeneratedFile } from '../file-set.js';
import type { GuestContext, RoleRenderer } from '../guest-context.js';
import { roleCompanies } from '../guest-context.js';
import { renderTemplate } from '../templates.js';
import { nextcloudInstances, nextcloudLdapSettings, type NextcloudInstance } from '../../model/web-apps-nextcloud.js';
import { NEXTCLOUD_SIZES } from '../../model/web-apps-php.js';

/**
 * Nextcloud: per company an instance (config directory with `companykit.config.php`, apps and
 * data directories, an occ wrapper, a php-fpm pool) sharing the packaged code; one nginx site
 * with a server per company; provision.sh installs each instance once and (re)applies its LDAP
 * login and default quota with occ.
 */
export const renderCloud: RoleRenderer = (context, role) => {
    const { vm, profile } = context;
    const { nextcloud, php } = profile.web;
    const { base } = profile;
    const instances = nextcloudInstances(context.infra, context.secrets, vm, roleCompanies(context, role), {
        instancesDir: nextcloud.instancesDir, dataRoot: nextcloud.dataRoot, socketDir: php.socketDir
    });
    return {
        files: [
            ...instances.flatMap(instance => instanceFiles(context, instance)),
            {
                host: vm.host, path: `${base.nginxConfDir}/sites/cloud.conf`, mode: 0o644,
                content: renderTemplate('cloud/nginx-site.conf', {
                    vm, instances, codeDir: nextcloud.codeDir, sizes: NEXTCLOUD_SIZES, logDir: base.nginxLogDir, fastcgiParams: php.fastcgiParams,
                    mimeTypes: base.nginxMimeTypes
                })
            },
            {
                host: vm.host, path: `${base.phpFpmPoolDir}/cloud.conf`, mode: 0o644,
                content: renderTemplate('cloud/php-fpm-pool.conf', {
                    vm, instances, user: nextcloud.user, group: nextcloud.group, nginxUser: base.nginxUser, nginxGroup: base.nginxGroup,
                    poolPath: php.poolPath, sizes: NEXTCLOUD_SIZES
                })
            }
        ],
        provision: renderTemplate('cloud/provision.sh', {
            socketDir: php.socketDir, instancesDir: nextcloud.instancesDir, dataRoot: nextcloud.dataRoot,
            owner: `${nextcloud.user}:${nextcloud.group}`, client: profile.web.mariadb.client,
            instances: instances.map(instance => ({
                ...instance,
                ldapSettings: nextcloudLdapSettings(instance.ldap),
                cronLine: cronLine(context, instance)
            }))
        })
    };
};

function instanceFiles(context: GuestContext, instance: NextcloudInstance): GeneratedFile[] {
    const { vm, profile } = context;
    const { nextcloud, php } = profile.web;
    return [
        {
            host: vm.host, path: `${instance.configDir}/companykit.config.php`, mode: 0o640, owner: nextcloud.user, group: nextcloud.group,
            content: renderTemplate('cloud/companykit.config.php', {
                i: instance,
                cliUrl: `https://${instance.fqdn}/`,
                dbHost: `${instance.database.host}:${instance.database.port}`,
                appsPath: `${nextcloud.codeDir}/apps`,
                logFile: `${instance.dataDir}/nextcloud.log`
            })
        },
        {
            host: vm.host, path: instance.occ, mode: 0o750,
            content: renderTemplate('cloud/occ', { i: instance, codeDir: nextcloud.codeDir, user: nextcloud.user, phpCli: php.cli })
        }
    ];
}

/** Nextcloud's background jobs every five minutes, as the web user with the instance's config directory. */
function cronLine(context: GuestContext, instance: NextcloudInstance): string {
    const { nextcloud, php } = context.profile.web;
    // Profile paths and names hold no spaces or quotes: plain words keep the crontab line readable.
    return `*/5 * * * * NEXTCLOUD_CONFIG_DIR=${instance.configDir} su -m ${nextcloud.user} -c "${php.cli} -f ${nextcloud.codeDir}/cron.php"`;
}
