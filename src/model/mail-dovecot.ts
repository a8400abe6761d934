import type { CompanyModel, Infrastructure, VmModel } from './infrastructure.js';
import { serviceAccount } from './directory.js';
import { USER } from './ldap-schema.js';
import { requireVm } from './locate.js';
import { LDAP_PORT } from './mail-ldap-maps.js';

/**
 * Dovecot 2.3 on the mail VM, several companies in one instance:
 *
 * - passdb: one LDAP passdb per company, each reading its own args file (that company's server,
 *   suffix and dovecot service account) and limited with `username_filter = *@<domain>`, so a
 *   login is only ever checked against its own company's directory. Logins are mailbox
 *   addresses (user names repeat across companies). `auth_bind = yes`: Dovecot finds the entry
 *   with the service account and checks the password by binding as the user, so the service
 *   account never reads password hashes (its ACL purpose is `auth-bind`).
 * - userdb: a passwd-file generated from the model, one line per mailbox with the user's quota.
 *   LMTP delivery needs a userdb that answers without a password (an auth_bind passdb cannot),
 *   the directory has no quota attribute, and all mailboxes share the vmail uid and a home
 *   derived from the address (`mail_home`), so the file holds nothing else and no secret.
 */

export interface DovecotPassdb {
    readonly company: string;
    readonly domain: string;
    readonly usernameFilter: string;
    /** File name of the LDAP args file (holds the bind password: 0640 root:dovecot). */
    readonly argsFile: string;
    /** `10.0.0.10:389`. */
    readonly hosts: string;
    readonly dn: string;
    readonly dnpass: string;
    readonly base: string;
    /** `%u` = the login (a full address). */
    readonly passFilter: string;
}

export interface DovecotUser {
    readonly login: string;
    /** Dovecot quota_rule value, or undefined for no limit. */
    readonly quotaRule?: string;
}

export const passdbArgsFile = (company: string): string => `ldap-${company}.conf.ext`;

export function dovecotPassdb(infra: Infrastructure, vm: VmModel, company: CompanyModel): DovecotPassdb {
    const server = requireVm(infra, company.name, 'ldap', vm.server);
    const account = serviceAccount(company.directory, 'dovecot');
    return {
        company: company.name,
        domain: company.domain,
        usernameFilter: `*@${company.domain}`,
        argsFile: passdbArgsFile(company.name),
        hosts: `${server.address}:${LDAP_PORT}`,
        dn: account.dn,
        dnpass: account.password,
        base: company.directory.usersDn,
        passFilter: `(&(objectClass=inetOrgPerson)(${USER.mailAttribute}=%u))`
    };
}

export function dovecotUsers(companies: readonly CompanyModel[]): DovecotUser[] {
    return companies.flatMap(company => company.users.map(user => ({
        login: user.email.toLowerCase(),
        quotaRule: user.quotaBytes !== undefined ? `*:bytes=${user.quotaBytes}` : undefined
    })));
}

/** One passwd-file line: `user:password:uid:gid:gecos:home:shell:extra` with only user and extra set. */
export function passwdFileLine(user: DovecotUser): string {
    const extra = user.quotaRule !== undefined ? `userdb_quota_rule=${user.quotaRule}` : '';
    return `${user.login}:::::::${extra}`;
}
