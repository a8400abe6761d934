import { chmodSync, mkdirSync, readFileSync } from 'node:fs';
import type { GeneratedFile } from '../../../src/generator/file-set.js';
import { treePath, type HostTree } from './config-tree.js';
import { own, systemId } from './system-ids.js';

/**
 * What slapd needs on disk before it runs, created inside a host's tree the way the ldap part of
 * provision.sh creates it (run directory root:<group> 0775, one data directory per database owned
 * by the slapd user, 0700). Shared by the config checkers and the live slapd.
 */

/** The host's slapd.conf, or undefined when the host runs no directory. */
export function slapdConf(host: HostTree): GeneratedFile | undefined {
    return host.files.find(f => f.path.endsWith('/slapd.conf') && treePath(host, f) === host.profile.directory.slapdConf);
}

/** The LDIF files the host's provision.sh loads with slapadd, each with the suffix of its database. */
export function ldifFiles(host: HostTree): { file: GeneratedFile, suffix: string }[] {
    const dir = host.profile.directory.ldifDir;
    return host.files
        .filter(f => f.path.endsWith('.ldif') && treePath(host, f).startsWith(`${dir}/`))
        .map(file => ({ file, suffix: baseDn(file.content) }));
}

/** The first entry of an LDIF is its database's base entry (the suffix). */
function baseDn(ldif: string): string {
    const match = /^dn: (.+)$/m.exec(ldif);
    if (!match) {
        throw new Error('LDIF without a dn: line');
    }
    return match[1];
}

/** The `directory` of every database in slapd.conf, as slapd reads them. */
export function databaseDirectories(conf: string): string[] {
    return [...conf.matchAll(/^directory\s+(\S+)\s*$/gm)].map(m => m[1]);
}

/** Creates the run and data directories of the host's slapd.conf inside the tree, owned as on the host. */
export function prepareSlapdDirectories(host: HostTree, conf: GeneratedFile): void {
    const p = host.profile.directory;
    mkdirSync(p.runDir, { recursive: true });
    chmodSync(p.runDir, 0o775);
    own(p.runDir, 'root', p.group);
    for (const dir of databaseDirectories(readFileSync(treePath(host, conf), 'utf-8'))) {
        mkdirSync(dir, { recursive: true });
        chmodSync(dir, 0o700);
        own(dir, p.user, p.group);
    }
}

/** Whether slapd should drop to the profile's user: only as root, and only if that user exists here. */
export function slapdUserFlags(host: HostTree): string[] {
    const p = host.profile.directory;
    return process.getuid?.() === 0 && systemId('user', p.user) !== undefined ? ['-u', p.user, '-g', p.group] : [];
}
