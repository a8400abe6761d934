import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { GeneratedFile } from '../../src/generator/file-set.js';
import type { MailPlatform } from '../../src/platform/mail-platform.js';
import type { PlatformProfile } from '../../src/platform/profile.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';

/**
 * The mail area of a Debian 12 profile rooted in a temp folder, for checking the generated
 * configs with the real postconf/postfix/doveconf/opendkim/spamassassin. Binaries and plugins are
 * Debian's; every config, queue, data and key path is under `root`, so nothing on the machine is
 * touched. (Issue 4 will turn this into the product's `debian` profile.)
 */
export function debianMailProfile(root: string): PlatformProfile {
    const mail: MailPlatform = {
        postfix: {
            configDir: `${root}/etc/postfix`,
            queueDir: `${root}/spool/postfix`,
            commandDir: '/usr/sbin',
            daemonDir: '/usr/lib/postfix/sbin',
            dataDir: `${root}/lib/postfix`,
            metaDir: '/etc/postfix',
            shlibDir: '/usr/lib/postfix',
            sendmailPath: '/usr/sbin/sendmail',
            newaliasesPath: '/usr/bin/newaliases',
            mailqPath: '/usr/bin/mailq',
            mailOwner: 'postfix',
            mailGroup: 'postfix',
            setgidGroup: 'postdrop',
            chroot: 'n'
        },
        dovecot: { configDir: `${root}/etc/dovecot`, group: 'dovecot' },
        opendkim: { configFile: `${root}/etc/opendkim.conf`, tablesDir: `${root}/etc/opendkim`, keysDir: `${root}/etc/opendkim/keys`, user: 'opendkim', group: 'opendkim', port: 8891 },
        spamassassin: {
            configDir: `${root}/etc/spamassassin`, spamcPath: '/usr/bin/spamc', saUpdatePath: '/usr/bin/sa-update',
            spamdUser: 'debian-spamd', spamdHome: `${root}/lib/spamd`, filterUser: 'nobody', filterHome: `${root}/lib/filter`, spamdPort: 783
        },
        vmail: { user: 'vmail', group: 'vmail', home: `${root}/vmail` }
    };
    return { ...netbsdProfile, base: { ...netbsdProfile.base, tlsDir: `${root}/tls` }, mail };
}

export const hasBinary = (name: string): boolean => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

/** A temp root readable by daemons that drop privileges (mkdtemp makes 0700). */
export function makeRoot(): string {
    const root = mkdtempSync(path.join(tmpdir(), 'companykit-mail-'));
    chmodSync(root, 0o755);
    return root;
}

/** Write the files of one host (their absolute paths already point under the root). */
export function writeFiles(files: readonly GeneratedFile[]): void {
    for (const file of files) {
        mkdirSync(path.dirname(file.path), { recursive: true });
        writeFileSync(file.path, file.content, { mode: file.mode });
    }
}

/** What provision.sh's ensure_certificate does: a self-signed pair for the VM's name. */
export function selfSignedCertificate(tlsDir: string, fqdn: string): void {
    mkdirSync(tlsDir, { recursive: true });
    const key = `${tlsDir}/${fqdn}.key`;
    if (!existsSync(key)) {
        execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${fqdn}`, '-keyout', key, '-out', `${tlsDir}/${fqdn}.crt`], { stdio: 'ignore' });
    }
}

export interface Run { readonly status: number | null, readonly stdout: string, readonly stderr: string }

export function run(command: string, args: readonly string[]): Run {
    const result = spawnSync(command, args, { encoding: 'utf-8' });
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const userId = (name: string): number => Number(execFileSync('id', ['-u', name], { encoding: 'utf-8' }).trim());
export const groupId = (name: string): number => Number(execFileSync('id', ['-g', name], { encoding: 'utf-8' }).trim());
