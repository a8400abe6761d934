import type { CompanyModel, Infrastructure, VmModel } from './infrastructure.js';
import { databaseAccount, type DatabaseAccount } from './database-access.js';
import { serviceAccount } from './directory.js';
import { ldapEndpoint, mailEndpoint, proxyAddress, type LdapEndpoint, type MailEndpoint } from './web-apps-endpoints.js';
import type { SecretStore } from './secrets.js';

/**
 * Roundcube on a webmail VM. One installation serves every company placed there: the shared
 * `config.inc.php` names, per public host name, a host file (`include_host_config`) holding that
 * company's database, product name, login domain, address book and des_key, so companies never
 * share sessions, contacts or keys.
 *
 * IMAP and SMTP go to the mail VM's private address with implicit TLS on 993 and STARTTLS on 587.
 * Not `mail.<domain>`: that resolves to the public address, which NPF does not hairpin. The
 * certificate is checked for encryption only (no peer verification): it starts self-signed and is
 * named for the public name, and the connection never leaves the host-only guest bridge.
 */

export const ROUNDCUBE_PLUGINS: readonly string[] = ['archive', 'zipdownload'];

export interface RoundcubeSite {
    readonly company: string;
    readonly fqdn: string;
    /** Roundcube's `trusted_host_patterns` entry (PCRE without delimiters): exactly this host name. */
    readonly hostPattern: string;
    /** The file name of the company's host config, beside config.inc.php. */
    readonly hostConfigFile: string;
    readonly productName: string;
    readonly supportUrl: string;
    /** Appended to a login name without `@`. Users may always type their full address. */
    readonly usernameDomain: string;
    /** 24 characters, as the default cipher needs. */
    readonly desKey: string;
    readonly dsn: string;
    readonly database: DatabaseAccount;
    readonly imapHost: string;
    readonly smtpHost: string;
    readonly mail: MailEndpoint;
    readonly ldap: LdapEndpoint & {
        readonly name: string;
        readonly usersDn: string;
        readonly groupsDn: string;
        readonly bindDn: string;
        readonly bindPassword: string;
    };
    readonly language: string;
    readonly proxyAddress: string;
}

/** The companies of a webmail role that actually use webmail, each with its site. */
export function roundcubeSites(infra: Infrastructure, secrets: SecretStore, vm: VmModel, companies: readonly CompanyModel[]): RoundcubeSite[] {
    return companies.filter(c => c.services.webmail).map(c => roundcubeSite(infra, secrets, vm, c));
}

export function roundcubeSite(infra: Infrastructure, secrets: SecretStore, vm: VmModel, company: CompanyModel): RoundcubeSite {
    const webmail = company.services.webmail;
    if (!webmail) {
        throw new Error(`company ${company.name} has no webmail`);
    }
    const database = databaseAccount(infra, secrets, company.name, 'roundcube');
    const mail = mailEndpoint(infra, company, vm.server);
    const account = serviceAccount(company.directory, 'roundcube');
    return {
        company: company.name,
        fqdn: webmail.fqdn,
        hostPattern: `^${webmail.fqdn.replace(/\./g, '\\.')}$`,
        hostConfigFile: `${company.name}.inc.php`,
        productName: webmail.productName,
        supportUrl: company.services.website ? `https://${company.services.website.fqdn}/` : `mailto:${company.mail.reportAddress}`,
        usernameDomain: company.domain,
        // token(key, 12) is 24 hex characters: exactly the key length DES-EDE3-CBC needs.
        desKey: secrets.token(`roundcube-des:${company.name}`, 12),
        dsn: `mysql://${database.user}:${encodeURIComponent(database.password)}@${database.host}:${database.port}/${database.database}`,
        database,
        imapHost: `ssl://${mail.address}:${mail.imapsPort}`,
        smtpHost: `tls://${mail.address}:${mail.submissionPort}`,
        mail,
        ldap: {
            ...ldapEndpoint(infra, company.name, vm.server),
            name: company.displayName,
            usersDn: company.directory.usersDn,
            groupsDn: company.directory.groupsDn,
            bindDn: account.dn,
            bindPassword: account.password
        },
        language: company.locale,
        proxyAddress: proxyAddress(infra, company.name, vm.server)
    };
}
