import { readFileSync } from 'node:fs';
import type { GeneratedFile } from '../../../src/generator/file-set.js';
import { treePath, type HostTree } from '../support/config-tree.js';

/**
 * Which generated files of a host the mail daemons read, found from the host's profile (the same
 * values the generator wrote them with) and from the references inside the configs themselves.
 */

/** The generated file at an absolute (rooted) path of the host, if any. */
export function fileAt(host: HostTree, absolute: string): GeneratedFile | undefined {
    return host.files.find(f => treePath(host, f) === absolute);
}

/** Generated files whose rooted path a config names (absolute paths only). */
function named(host: HostTree, conf: GeneratedFile, pattern: RegExp): GeneratedFile[] {
    const content = readFileSync(treePath(host, conf), 'utf-8');
    const paths = new Set([...content.matchAll(pattern)].map(m => m[1]));
    return host.files.filter(f => f !== conf && paths.has(treePath(host, f)));
}

export const postfixMainCf = (host: HostTree): GeneratedFile | undefined => fileAt(host, `${host.profile.mail.postfix.configDir}/main.cf`);
export const postfixMasterCf = (host: HostTree): GeneratedFile | undefined => fileAt(host, `${host.profile.mail.postfix.configDir}/master.cf`);

/** The map files main.cf uses (`ldap:/…/ldap-acme-mailboxes.cf`, any `type:/path`), which postconf and postmap read. */
export function postfixMapFiles(host: HostTree): GeneratedFile[] {
    const main = postfixMainCf(host);
    return main === undefined ? [] : named(host, main, /\b[a-z]+:(\/[^\s,}]+)/g);
}

export const dovecotConf = (host: HostTree): GeneratedFile | undefined => fileAt(host, `${host.profile.mail.dovecot.configDir}/dovecot.conf`);

/** The passdb/userdb `args` files dovecot.conf names (LDAP settings, the users passwd-file). */
export function dovecotArgsFiles(host: HostTree): GeneratedFile[] {
    const conf = dovecotConf(host);
    return conf === undefined ? [] : named(host, conf, /^\s*args\s*=.*?(\/\S+)\s*$/gm);
}

export const opendkimConf = (host: HostTree): GeneratedFile | undefined => fileAt(host, host.profile.mail.opendkim.configFile);

/** The tables opendkim.conf names and the private keys the KeyTable names. */
export function opendkimTablesAndKeys(host: HostTree): GeneratedFile[] {
    const conf = opendkimConf(host);
    if (conf === undefined) {
        return [];
    }
    const tables = named(host, conf, /^\S+\s+(?:[a-z]+:)?(\/\S+)\s*$/gm);
    const keyTable = tables.find(f => f.path.endsWith('/KeyTable'));
    const keys = keyTable === undefined ? [] : named(host, keyTable, /:(\/\S+)\s*$/gm);
    return [...tables, ...keys];
}

export const spamassassinLocalCf = (host: HostTree): GeneratedFile | undefined => fileAt(host, `${host.profile.mail.spamassassin.configDir}/local.cf`);

export function spamdDefaults(host: HostTree): GeneratedFile | undefined {
    const file = host.profile.mail.spamassassin.spamdDefaults;
    return file === undefined ? undefined : fileAt(host, file);
}
