import type { CompanyModel, Infrastructure, VmModel } from './infrastructure.js';
import { databaseAccount, type DatabaseAccount } from './database-access.js';
import { serviceAccount } from './directory.js';
import { ldapEndpoint, loginFilter, proxyAddress, type LdapEndpoint } from './web-apps-endpoints.js';
import { GITEA_HTTP_PORT } from './web-backends.js';
import type { SecretStore } from './secrets.js';
import { UnsupportedSpecError } from '../generator/unsupported-spec.js';

/**
 * Gitea on a git VM. Gitea is one instance per app.ini, one HTTP port and one set of SSH keys in
 * the git user's authorized_keys, so a VM runs Gitea for one company only: a VM asked to serve
 * several is refused with a message saying to give each company its own git VM.
 *
 * Gitea serves HTTP itself on the VM's private address (no nginx; the proxy terminates TLS), and
 * git over SSH goes through the VM's own sshd on port 22 (the hypervisor forwards the public
 * `ssh-port` there), so Gitea's built-in SSH server stays off and only the advertised port changes.
 */

export interface GiteaInstance {
    readonly company: string;
    readonly appName: string;
    readonly fqdn: string;
    readonly rootUrl: string;
    /** Where Gitea's own hooks and CLI reach it: it does not listen on localhost. */
    readonly localRootUrl: string;
    readonly httpAddress: string;
    readonly httpPort: number;
    readonly sshPort: number;
    readonly disableRegistration: boolean;
    readonly secretKey: string;
    readonly internalToken: string;
    /** base64url (no padding) of 32 bytes, as Gitea's JWT signing requires. */
    readonly jwtSecret: string;
    readonly lfsJwtSecret: string;
    readonly database: DatabaseAccount;
    readonly proxyAddress: string;
    readonly ldap: GiteaLdap;
}

export interface GiteaLdap extends LdapEndpoint {
    /** The auth source's name in Gitea: provision.sh finds it by this name to add or update it. */
    readonly sourceName: string;
    readonly bindDn: string;
    readonly bindPassword: string;
    readonly userBase: string;
    readonly userFilter: string;
    /** Empty when the company has no admin user (no flag passed then). */
    readonly adminFilter: string;
}

/** The company a git VM serves, or none; throws when several companies with git share the VM. */
export function giteaInstance(infra: Infrastructure, secrets: SecretStore, vm: VmModel, companies: readonly CompanyModel[]): GiteaInstance | undefined {
    const withGit = companies.filter(c => c.services.git);
    if (withGit.length > 1) {
        throw new UnsupportedSpecError(`${vm.host} would run Gitea for ${withGit.map(c => c.name).join(', ')}: one Gitea serves one company; `
            + 'give each company with git its own VM (`vm <name> { runs git }` with `hosts` listing that company)');
    }
    const company = withGit[0];
    return company ? giteaFor(infra, secrets, vm, company) : undefined;
}

function giteaFor(infra: Infrastructure, secrets: SecretStore, vm: VmModel, company: CompanyModel): GiteaInstance {
    const git = company.services.git!;
    const account = serviceAccount(company.directory, 'gitea');
    const admins = company.users.filter(u => u.admin).map(u => `(uid=${u.name})`);
    return {
        company: company.name,
        appName: `${company.displayName} Git`,
        fqdn: git.fqdn,
        rootUrl: `https://${git.fqdn}/`,
        localRootUrl: `http://${vm.address}:${GITEA_HTTP_PORT}/`,
        httpAddress: vm.address,
        httpPort: GITEA_HTTP_PORT,
        sshPort: git.sshPort,
        disableRegistration: git.registration === 'closed',
        secretKey: secrets.token(`gitea-secret-key:${company.name}`, 32),
        internalToken: secrets.token(`gitea-internal-token:${company.name}`, 48),
        jwtSecret: base64url(secrets.token(`gitea-jwt:${company.name}`, 32)),
        lfsJwtSecret: base64url(secrets.token(`gitea-lfs-jwt:${company.name}`, 32)),
        database: databaseAccount(infra, secrets, company.name, 'gitea'),
        proxyAddress: proxyAddress(infra, company.name, vm.server),
        ldap: {
            ...ldapEndpoint(infra, company.name, vm.server),
            sourceName: 'directory',
            bindDn: account.dn,
            bindPassword: account.password,
            userBase: company.directory.usersDn,
            userFilter: loginFilter('%[1]s'),
            // By uid rather than memberOf: it needs no memberof overlay in slapd. Admins are
            // re-applied on every provision (update-ldap), so the list follows the spec.
            adminFilter: admins.length === 0 ? '' : admins.length === 1 ? admins[0] : `(|${admins.join('')})`
        }
    };
}

function base64url(hex: string): string {
    return Buffer.from(hex, 'hex').toString('base64url');
}
