import type { CompanyModel, Infrastructure } from './infrastructure.js';
import { requireVm } from './locate.js';

/**
 * The private endpoints the web applications (Roundcube, Nextcloud, Gitea) talk to. Always the
 * VMs' private addresses: the public names resolve to the hypervisor's public address, and NPF
 * does not hairpin guest traffic back in, so a guest must never go through them.
 */

export const LDAP_PORT = 389;
export const IMAPS_PORT = 993;
export const SUBMISSION_PORT = 587;

export interface LdapEndpoint {
    readonly host: string;
    readonly port: number;
    /** `ldap://<address>:389`. Plain LDAP: it never leaves the host-only guest bridge. */
    readonly uri: string;
}

/** The directory nearest to `server` (a replica there, else the primary). */
export function ldapEndpoint(infra: Infrastructure, company: string, server: string): LdapEndpoint {
    const host = requireVm(infra, company, 'ldap', server).address;
    return { host, port: LDAP_PORT, uri: `ldap://${host}:${LDAP_PORT}` };
}

export interface MailEndpoint {
    /** The mail VM's private address. */
    readonly address: string;
    readonly imapsPort: number;
    readonly submissionPort: number;
    /** The name the mail VM's certificate carries (what clients outside verify). */
    readonly certificateName: string;
}

export function mailEndpoint(infra: Infrastructure, company: CompanyModel, server: string): MailEndpoint {
    const address = requireVm(infra, company.name, 'mail', server).address;
    return { address, imapsPort: IMAPS_PORT, submissionPort: SUBMISSION_PORT, certificateName: `mail.${company.domain}` };
}

/** The reverse proxy's private address: the only client whose X-Forwarded-* headers are believed. */
export function proxyAddress(infra: Infrastructure, company: string, server: string): string {
    return requireVm(infra, company, 'proxy', server).address;
}

/** `(&(objectClass=inetOrgPerson)(|(uid=X)(mail=X)))`: sign in with the user name or the mail address. */
export function loginFilter(placeholder: string): string {
    return `(&(objectClass=inetOrgPerson)(|(uid=${placeholder})(mail=${placeholder})))`;
}
