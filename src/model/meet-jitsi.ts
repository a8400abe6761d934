import { serviceAccount } from './directory.js';
import type { CompanyModel, Infrastructure, RoleModel, VmModel } from './infrastructure.js';
import { ldapUrl } from './mail-ldap-maps.js';
import { companyNamed, findVm, nearestVm, requireVm } from './locate.js';
import { USER } from './ldap-schema.js';
import { bridgesOf, type JvbInstance } from './meet-bridges.js';
import type { SecretStore } from './secrets.js';
import { UnsupportedSpecError } from '../generator/unsupported-spec.js';

/**
 * One Jitsi Meet deployment (one company per Meet VM): the XMPP domains Prosody serves, the
 * internal accounts jicofo and the bridges log in with, the LDAP login of room hosts, and the
 * bridges. Every renderer of the meet and videobridge roles reads this, so Prosody, jicofo, jvb,
 * config.js and nginx never disagree on a name.
 */

/** The XMPP names of a Meet at `fqdn` (the layout of Jitsi's own Debian packages). */
export interface MeetDomains {
    /** Where room hosts log in (LDAP): the web site's name. */
    readonly main: string;
    /** internal_hashed accounts of jicofo (`focus`) and the bridges (`jvb`). */
    readonly auth: string;
    /** Anonymous guests, when the company lets guests join. */
    readonly guest?: string;
    readonly conference: string;
    /** The bridges' brewery MUC. */
    readonly internal: string;
    /** client_proxy to focus@auth: how clients address jicofo. */
    readonly focus: string;
    /** Lobby MUC, when lobbies are on. */
    readonly lobby?: string;
    readonly breakout: string;
    readonly speakerstats: string;
    readonly conferenceDuration: string;
    readonly avModeration: string;
}

export function meetDomains(fqdn: string, guests: boolean, lobby: boolean): MeetDomains {
    return {
        main: fqdn,
        auth: `auth.${fqdn}`,
        ...(guests ? { guest: `guest.${fqdn}` } : {}),
        conference: `conference.${fqdn}`,
        internal: `internal.auth.${fqdn}`,
        focus: `focus.${fqdn}`,
        ...(lobby ? { lobby: `lobby.${fqdn}` } : {}),
        breakout: `breakout.${fqdn}`,
        speakerstats: `speakerstats.${fqdn}`,
        conferenceDuration: `conferenceduration.${fqdn}`,
        avModeration: `avmoderation.${fqdn}`
    };
}

export interface XmppAccount {
    readonly user: string;
    readonly domain: string;
    readonly jid: string;
    readonly password: string;
}

/** Prosody's mod_auth_ldap settings: search with the service account, then bind as the user. */
export interface MeetLdapLogin {
    /** `host` or `host:port` for lualdap. */
    readonly server: string;
    /** For comments: the same server as a URL. */
    readonly url: string;
    readonly bindDn: string;
    readonly password: string;
    readonly base: string;
    /** `$user` is the login name the person types (mod_auth_ldap escapes it). */
    readonly filter: string;
}

export interface MeetDeployment {
    readonly company: string;
    /** The company's display name: the web UI's application name and page title. */
    readonly brand: string;
    readonly fqdn: string;
    readonly guests: boolean;
    readonly lobby: boolean;
    readonly domains: MeetDomains;
    readonly focus: XmppAccount;
    readonly jvb: XmppAccount;
    readonly breweryJid: string;
    readonly ldap: MeetLdapLogin;
    /** Whose X-Forwarded-For Prosody believes: the local nginx and the reverse proxy VM. */
    readonly trustedProxies: readonly string[];
    /** The Meet VM (`server.vm`) and its address. */
    readonly meetHost: string;
    readonly meetAddress: string;
    readonly bridges: readonly JvbInstance[];
}

/** The bridges' shared MUC room (jicofo's brewery). */
export const BREWERY_ROOM = 'jvbbrewery';

export const MEET_SECRET_KEYS = {
    focus: (company: string) => `meet:${company}:focus`,
    jvb: (company: string) => `meet:${company}:jvb`
} as const;

/**
 * The one company a meet role serves: the role lists every hosted company, but only those using the
 * `meet` service get a Jitsi. One Prosody could host several, but jicofo serves one XMPP domain
 * and config.js one site, so a Meet VM belongs to one company.
 */
export function meetCompany(infra: Infrastructure, vm: VmModel, role: RoleModel): CompanyModel {
    const withMeet = role.companies.map(name => companyNamed(infra, name)).filter(c => c.services.meet !== undefined);
    if (withMeet.length > 1) {
        throw new UnsupportedSpecError(`the meet role on ${vm.host} serves ${withMeet.map(c => c.name).join(', ')}, which all use meet: `
            + 'one Jitsi serves one company, so give each company its own meet VM');
    }
    const [company] = withMeet;
    if (!company) {
        throw new Error(`the meet role on ${vm.host} serves no company that uses the meet service`);
    }
    return company;
}

/** Login by `uid` or by the mailbox's local part, among the company's users only. */
export function ldapLoginFilter(company: CompanyModel): string {
    return `(&(objectClass=${USER.objectClasses[1]})(|(${USER.loginAttribute}=$user)(${USER.mailAttribute}=$user@${company.domain})))`;
}

function account(user: string, domain: string, password: string): XmppAccount {
    return { user, domain, jid: `${user}@${domain}`, password };
}

/** The Meet on `meetVm` for `company`. */
export function resolveMeet(infra: Infrastructure, meetVm: VmModel, company: CompanyModel, secrets: SecretStore): MeetDeployment {
    const meet = company.services.meet;
    if (!meet) {
        throw new Error(`company ${company.name} does not use meet`);
    }
    const domains = meetDomains(meet.fqdn, meet.guests, meet.lobby);
    const ldapVm = requireVm(infra, company.name, 'ldap', meetVm.server);
    const prosodyAccount = serviceAccount(company.directory, 'prosody');
    const proxy = nearestVm(infra, company.name, 'proxy', meetVm.server);
    return {
        company: company.name,
        brand: company.displayName,
        fqdn: meet.fqdn,
        guests: meet.guests,
        lobby: meet.lobby,
        domains,
        focus: account('focus', domains.auth, secrets.password(MEET_SECRET_KEYS.focus(company.name))),
        jvb: account('jvb', domains.auth, secrets.password(MEET_SECRET_KEYS.jvb(company.name))),
        breweryJid: `${BREWERY_ROOM}@${domains.internal}`,
        ldap: {
            server: ldapVm.address,
            url: ldapUrl(ldapVm.address),
            bindDn: prosodyAccount.dn,
            password: prosodyAccount.password,
            base: company.directory.usersDn,
            filter: ldapLoginFilter(company)
        },
        trustedProxies: ['127.0.0.1', ...(proxy && proxy.host !== meetVm.host ? [proxy.address] : [])],
        meetHost: meetVm.host,
        meetAddress: meetVm.address,
        bridges: bridgesOf(infra, meetVm)
    };
}

/** The Meet a `videobridge for <meet VM>` role serves: the source VM's meet role's company. */
export function meetServedBy(infra: Infrastructure, role: RoleModel, secrets: SecretStore): { meetVm: VmModel, meet: MeetDeployment } {
    if (role.from === undefined) {
        throw new Error('a videobridge role names the Meet it serves (`videobridge for <server.vm>`)');
    }
    const meetVm = findVm(infra, role.from);
    const meetRole = meetVm?.roles.find(r => r.role === 'meet' && r.relation === undefined);
    if (!meetVm || !meetRole) {
        throw new Error(`videobridge for ${role.from}: that VM runs no meet role`);
    }
    return { meetVm, meet: resolveMeet(infra, meetVm, meetCompany(infra, meetVm, meetRole), secrets) };
}
