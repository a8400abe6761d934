import type { CompanyModel, Infrastructure, VmModel } from './infrastructure.js';
import { databaseAccount, type DatabaseAccount } from './database-access.js';
import { serviceAccount } from './directory.js';
import { ldapEndpoint, loginFilter, proxyAddress, type LdapEndpoint } from './web-apps-endpoints.js';
import type { SecretStore } from './secrets.js';

/**
 * Nextcloud on a cloud VM: one instance per company. A VM serving several companies shares the
 * code (one package) but gives each company its own config directory (selected with the
 * NEXTCLOUD_CONFIG_DIR environment variable of its own php-fpm pool and of its occ wrapper), its
 * own apps directory, data directory, database and nginx server, so nothing is shared but code.
 *
 * The generated settings go to `companykit.config.php`, not `config.php`: Nextcloud merges every
 * `*.config.php` of its config directory over `config.php` and only ever writes `config.php`
 * itself (installed flag, version), so a redeploy never undoes what `occ maintenance:install` wrote.
 */

/** The local administrator created at install (not a directory user, so no name clash with LDAP). */
export const NEXTCLOUD_ADMIN = 'ncadmin';

export interface NextcloudInstance {
    readonly company: string;
    readonly fqdn: string;
    /** `<instancesDir>/<company>`. */
    readonly instanceDir: string;
    readonly configDir: string;
    /** Apps installed from the app store (the code directory stays read-only). */
    readonly appsDir: string;
    readonly dataDir: string;
    /** The occ wrapper for this instance. */
    readonly occ: string;
    readonly instanceId: string;
    readonly passwordSalt: string;
    readonly secret: string;
    readonly adminUser: string;
    readonly adminPassword: string;
    readonly database: DatabaseAccount;
    readonly proxyAddress: string;
    readonly timezone: string;
    /** `en_US` → language `en`, phone region `US`. */
    readonly language: string;
    readonly phoneRegion: string;
    readonly locale: string;
    /** e.g. `10 GB`: what Nextcloud's quota field shows. */
    readonly defaultQuota: string;
    readonly ldap: NextcloudLdap;
    /** php-fpm pool name and socket. */
    readonly pool: string;
    readonly socket: string;
}

export interface NextcloudLdap extends LdapEndpoint {
    readonly agentDn: string;
    readonly agentPassword: string;
    readonly base: string;
    readonly usersBase: string;
    readonly groupsBase: string;
    readonly userFilter: string;
    readonly loginFilter: string;
    readonly groupFilter: string;
}

export interface NextcloudPaths {
    readonly instancesDir: string;
    readonly dataRoot: string;
    readonly socketDir: string;
}

export function nextcloudInstances(infra: Infrastructure, secrets: SecretStore, vm: VmModel, companies: readonly CompanyModel[], paths: NextcloudPaths): NextcloudInstance[] {
    return companies.filter(c => c.services.cloud).map(c => nextcloudInstance(infra, secrets, vm, c, paths));
}

export function nextcloudInstance(infra: Infrastructure, secrets: SecretStore, vm: VmModel, company: CompanyModel, paths: NextcloudPaths): NextcloudInstance {
    const cloud = company.services.cloud;
    if (!cloud) {
        throw new Error(`company ${company.name} has no cloud`);
    }
    const instanceDir = `${paths.instancesDir}/${company.name}`;
    const account = serviceAccount(company.directory, 'nextcloud');
    const [language, region] = splitLocale(company.locale);
    const pool = `cloud-${company.name}`;
    return {
        company: company.name,
        fqdn: cloud.fqdn,
        instanceDir,
        configDir: `${instanceDir}/config`,
        appsDir: `${instanceDir}/apps`,
        dataDir: `${paths.dataRoot}/${company.name}`,
        occ: `${instanceDir}/occ`,
        // Nextcloud's own format: "oc" + 10 lower-case alphanumerics.
        instanceId: `oc${secrets.token(`nextcloud-instanceid:${company.name}`, 5)}`,
        passwordSalt: secrets.token(`nextcloud-passwordsalt:${company.name}`, 15),
        secret: secrets.token(`nextcloud-secret:${company.name}`, 24),
        adminUser: NEXTCLOUD_ADMIN,
        adminPassword: secrets.password(`nextcloud-admin:${company.name}`),
        database: databaseAccount(infra, secrets, company.name, 'nextcloud'),
        proxyAddress: proxyAddress(infra, company.name, vm.server),
        timezone: company.timezone,
        language,
        phoneRegion: region,
        locale: company.locale,
        defaultQuota: humanQuota(cloud.quotaBytes),
        ldap: {
            ...ldapEndpoint(infra, company.name, vm.server),
            agentDn: account.dn,
            agentPassword: account.password,
            base: company.directory.suffix,
            usersBase: company.directory.usersDn,
            groupsBase: company.directory.groupsDn,
            userFilter: '(objectClass=inetOrgPerson)',
            loginFilter: loginFilter('%uid'),
            groupFilter: '(objectClass=groupOfNames)'
        },
        pool,
        socket: `${paths.socketDir}/${pool}.sock`
    };
}

/** `en_US` → [`en`, `US`]; a bare language gets its upper-cased code as region (`de` → `DE`). */
export function splitLocale(locale: string): [string, string] {
    const [language, region] = locale.split(/[_-]/);
    return [language.toLowerCase(), (region ?? language).toUpperCase()];
}

/** The largest unit that divides the size exactly, in Nextcloud's notation (`10 GB`, `512 MB`, `1234 B`). */
export function humanQuota(bytes: number): string {
    const units: readonly [string, number][] = [['TB', 1024 ** 4], ['GB', 1024 ** 3], ['MB', 1024 ** 2], ['KB', 1024]];
    const unit = units.find(([, size]) => bytes >= size && bytes % size === 0);
    return unit ? `${bytes / unit[1]} ${unit[0]}` : `${bytes} B`;
}

/**
 * The user_ldap settings `occ ldap:set-config` applies, in order: bind with the nextcloud service
 * account, users are inetOrgPerson entries under the users OU (sign in with uid or mail, internal
 * name = uid), groups are groupOfNames under the groups OU. Re-applied on every provision.
 */
export function nextcloudLdapSettings(ldap: NextcloudLdap): [string, string][] {
    return [
        ['ldapHost', `ldap://${ldap.host}`],
        ['ldapPort', String(ldap.port)],
        ['ldapTLS', '0'],
        ['ldapAgentName', ldap.agentDn],
        ['ldapAgentPassword', ldap.agentPassword],
        ['ldapBase', ldap.base],
        ['ldapBaseUsers', ldap.usersBase],
        ['ldapBaseGroups', ldap.groupsBase],
        ['ldapUserFilterObjectclass', 'inetOrgPerson'],
        ['ldapUserFilter', ldap.userFilter],
        ['ldapLoginFilter', ldap.loginFilter],
        ['ldapLoginFilterUsername', '1'],
        ['ldapLoginFilterEmail', '1'],
        ['ldapUserDisplayName', 'cn'],
        ['ldapEmailAttribute', 'mail'],
        ['ldapExpertUsernameAttr', 'uid'],
        ['ldapGroupFilterObjectclass', 'groupOfNames'],
        ['ldapGroupFilter', ldap.groupFilter],
        ['ldapGroupDisplayName', 'cn'],
        ['ldapGroupMemberAssocAttr', 'member'],
        ['turnOnPasswordChange', '0'],
        ['ldapConfigurationActive', '1']
    ];
}
