import { dkimTables } from '../../model/mail-dkim.js';
import { mailPlan } from '../../model/mail-delivery.js';
import { dovecotPassdb, dovecotUsers, passwdFileLine } from '../../model/mail-dovecot.js';
import { mailLdapMaps } from '../../model/mail-ldap-maps.js';
import { shellWord } from '../template-escapes.js';
import type { GeneratedFile } from '../file-set.js';
import { roleCompanies, type GuestContext, type RoleRenderer } from '../guest-context.js';
import type { CompanyModel } from '../../model/infrastructure.js';
import { renderTemplate } from '../templates.js';
import { certificatePaths, masterServices, packagedPostfixFiles } from './postfix-common.js';

/**
 * The mail VM: Postfix (LDAP maps, LMTP to Dovecot, submission with Dovecot SASL), Dovecot 2.3
 * (LDAP passdbs, IMAP, LMTP, Sieve, quotas) and OpenDKIM. Decisions live in the `mail-*` model
 * modules; this only lays the files out with their owners and modes.
 */
export const renderMail: RoleRenderer = (context, role) => {
    const companies = roleCompanies(context, role);
    return {
        files: [...postfixFiles(context, companies), ...dovecotFiles(context, companies), ...opendkimFiles(context, companies), ...packagedPostfixFiles(context)],
        provision: provision(context, companies)
    };
};

function postfixFiles(context: GuestContext, companies: readonly CompanyModel[]): GeneratedFile[] {
    const { vm, profile } = context;
    const { postfix, opendkim } = profile.mail;
    const plan = mailPlan(context.infra, context.server, vm, companies);
    const maps = mailLdapMaps(context.infra, vm, companies, postfix.configDir);
    return [
        { host: vm.host, path: `${postfix.configDir}/main.cf`, mode: 0o644, content: renderTemplate('mail/main.cf', { vm, plan, maps, postfix, opendkim, tlsDir: profile.base.tlsDir }) },
        { host: vm.host, path: `${postfix.configDir}/master.cf`, mode: 0o644, content: renderTemplate('mail/master.cf', { vm, postfix, base: masterServices(context) }) },
        ...maps.maps.map(map => ({
            host: vm.host, path: `${postfix.configDir}/${map.fileName}`, mode: 0o640, group: postfix.mailGroup,
            content: renderTemplate('mail/ldap-map.cf', { map, group: postfix.mailGroup })
        }))
    ];
}

function dovecotFiles(context: GuestContext, companies: readonly CompanyModel[]): GeneratedFile[] {
    const { vm, profile } = context;
    const { dovecot, postfix, vmail } = profile.mail;
    const passdbs = companies.map(company => dovecotPassdb(context.infra, vm, company));
    const plan = mailPlan(context.infra, context.server, vm, companies);
    return [
        {
            host: vm.host, path: `${dovecot.configDir}/dovecot.conf`, mode: 0o644,
            content: renderTemplate('mail/dovecot.conf', { vm, passdbs, postfix, vmail, dovecotDir: dovecot.configDir, runtime: dovecot.runtime ?? false, tlsDir: profile.base.tlsDir, postmaster: plan.postmaster })
        },
        ...passdbs.map(passdb => ({
            host: vm.host, path: `${dovecot.configDir}/${passdb.argsFile}`, mode: 0o640, group: dovecot.group,
            content: renderTemplate('mail/dovecot-ldap.conf.ext', { passdb, group: dovecot.group })
        })),
        {
            host: vm.host, path: `${dovecot.configDir}/users`, mode: 0o640, group: dovecot.group,
            content: renderTemplate('mail/users', { lines: dovecotUsers(companies).map(passwdFileLine) })
        }
    ];
}

function opendkimFiles(context: GuestContext, companies: readonly CompanyModel[]): GeneratedFile[] {
    const { vm, profile } = context;
    const { opendkim } = profile.mail;
    const tables = dkimTables(companies, opendkim.keysDir);
    const table = (name: string): GeneratedFile =>
        ({ host: vm.host, path: `${opendkim.tablesDir}/${name}`, mode: 0o644, content: renderTemplate(`mail/${name}`, { vm, tables }) });
    return [
        { host: vm.host, path: opendkim.configFile, mode: 0o644, content: renderTemplate('mail/opendkim.conf', { vm, opendkim, pidFile: opendkim.pidFile ?? false }) },
        table('KeyTable'), table('SigningTable'), table('TrustedHosts'),
        // The private keys: readable by opendkim alone (it refuses keys others can read).
        ...tables.keys.map(key => ({ host: vm.host, path: key.keyFile, mode: 0o600, owner: opendkim.user, group: opendkim.group, content: key.privateKeyPem }))
    ];
}

function provision(context: GuestContext, companies: readonly CompanyModel[]): string {
    const { vmail, opendkim } = context.profile.mail;
    const tables = dkimTables(companies, opendkim.keysDir);
    const { cert, key } = certificatePaths(context);
    // The files' own owners and modes (keys, secret-bearing maps and passdbs) are set by the
    // guest base's "file owners" section; the role creates the directories they need.
    return [
        '# mail: one vmail user owns every mailbox; OpenDKIM keys are readable by opendkim only.',
        `ensure_user ${vmail.user} ${vmail.home}`,
        `ensure_dir ${vmail.home} ${vmail.user}:${vmail.group} 0750`,
        `ensure_dir ${opendkim.keysDir} ${opendkim.user}:${opendkim.group} 0700`,
        ...tables.keys.map(k => `ensure_dir ${k.keyDir} ${opendkim.user}:${opendkim.group} 0700`),
        `ensure_certificate ${cert} ${key} ${shellWord(context.vm.fqdn)}`
    ].join('\n') + '\n';
}
