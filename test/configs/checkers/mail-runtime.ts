import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import type { HostTree } from '../support/config-tree.js';
import { own } from '../support/system-ids.js';

/**
 * What the mail daemons need on disk before they run, created inside the host's tree the way the
 * host gets it: by the Debian packages' postinsts (Postfix's queue and data directories, the
 * SpamAssassin conffiles beside local.cf) or by provision.sh (DKIM key directories, the
 * self-signed certificate). Nothing outside the tree is touched.
 */

/** A log line's timestamp (`Nov 21 12:56:13.608 [17491] `): stripped, or it would pass for a line number. */
export const TIMESTAMP = /^[A-Z][a-z]{2} +\d+ [\d:.]+ (?:\[\d+\] )?/;

/** Postfix's queue (root, 0755) and data directory (the mail owner's), as the postfix package creates them. */
export function preparePostfixDirectories(host: HostTree): void {
    const { queueDir, dataDir, mailOwner } = host.profile.mail.postfix;
    mkdirSync(queueDir, { recursive: true, mode: 0o755 });
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    own(dataDir, mailOwner, mailOwner);
}

/** provision.sh's `ensure_dir <keysDir>[/<domain>] opendkim:opendkim 0700`. */
export function prepareDkimKeyDirectories(host: HostTree, keyFiles: readonly string[]): void {
    const { keysDir, user, group } = host.profile.mail.opendkim;
    for (const dir of [keysDir, ...keyFiles.map(k => path.dirname(k))]) {
        mkdirSync(dir, { recursive: true });
        chmodSync(dir, 0o700);
        own(dir, user, group);
    }
}

/**
 * The spamassassin package's own conffiles of /etc/spamassassin (the *.pre plugin loaders and
 * 65_debian.cf), copied beside the generated local.cf as dpkg would have installed them there:
 * `--siteconfigpath` replaces /etc/spamassassin, and without the loaders every plugin option fails.
 * Each copy is checked against the md5sum dpkg recorded, so an edited /etc cannot leak in.
 * local.cf itself is never copied: the generated one is what is checked.
 */
export function preparePackagedSpamAssassinFiles(host: HostTree): string[] {
    const target = host.profile.mail.spamassassin.configDir;
    const copied: string[] = [];
    for (const { file, md5 } of packageConffiles('spamassassin', '/etc/spamassassin/')) {
        if (path.basename(file) === 'local.cf') {
            continue;
        }
        const actual = createHash('md5').update(readFileSync(file)).digest('hex');
        if (actual !== md5) {
            throw new Error(`${file} differs from the spamassassin package's (md5 ${actual}, dpkg says ${md5}): reinstall it`);
        }
        copyFileSync(file, path.join(target, path.basename(file)));
        copied.push(path.basename(file));
    }
    return copied;
}

/** `dpkg-query -W -f='${Conffiles}'`: the package's conffiles under `dir` with their md5sums. */
function packageConffiles(pkg: string, dir: string): { file: string, md5: string }[] {
    const out = execFileSync('dpkg-query', ['-W', '-f=${Conffiles}\\n', pkg], { encoding: 'utf-8' });
    return out.split('\n')
        .map(line => line.trim().split(/\s+/))
        .filter(([file, md5]) => file?.startsWith(dir) && !file.slice(dir.length).includes('/') && /^[0-9a-f]{32}$/.test(md5 ?? ''))
        .map(([file, md5]) => ({ file, md5 }));
}
