import { appendFileSync, chownSync, cpSync, mkdirSync, readFileSync, rmSync, utimesSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderMail } from '../../src/generator/roles/mail.js';
import { renderMx } from '../../src/generator/roles/mx.js';
import type { GuestContext, RoleOutput } from '../../src/generator/guest-context.js';
import type { Infrastructure } from '../../src/model/infrastructure.js';
import { fixtureSecrets, resolveExample } from '../support/generation.js';
import { debianMailProfile, groupId, hasBinary, makeRoot, run, selfSignedCertificate, userId, writeFiles } from './mail-test-profile.js';

/**
 * The generated mx and mail configs, rendered with a Debian profile rooted in a temp folder, fed
 * to the real daemons' checkers (Debian 12 packages: postfix, postfix-ldap, dovecot-core,
 * dovecot-ldap, dovecot-lmtpd, dovecot-imapd, dovecot-sieve, opendkim, spamassassin). Skipped,
 * with the reason, where a checker is not installed.
 */

const EXAMPLES = ['acme', 'hosting'] as const;
let root: string;

function render(infra: Infrastructure, name: string, role: 'mx' | 'mail', rootDir: string): { output: RoleOutput, context: GuestContext } {
    const server = infra.servers.find(s => s.vms.some(v => v.roles.some(r => r.role === role)))!;
    const vm = server.vms.find(v => v.roles.some(r => r.role === role))!;
    const context: GuestContext = { infra, server, vm, profile: debianMailProfile(rootDir), secrets: fixtureSecrets(name) };
    const renderer = role === 'mx' ? renderMx : renderMail;
    return { output: renderer(context, vm.roles.find(r => r.role === role)!), context };
}

/** Renders and writes one host under its own root; returns that root. */
async function prepare(name: string, role: 'mx' | 'mail'): Promise<{ dir: string, context: GuestContext }> {
    const dir = path.join(root, `${name}-${role}`);
    mkdirSync(dir, { recursive: true });
    const { output, context } = render(await resolveExample(name), name, role, dir);
    writeFiles(output.files);
    selfSignedCertificate(context.profile.base.tlsDir, context.vm.fqdn);
    const { postfix } = context.profile.mail;
    mkdirSync(postfix.queueDir, { recursive: true });
    mkdirSync(postfix.dataDir, { recursive: true });
    // Postfix re-reads a main.cf younger than a second, slowly; age the files.
    const past = new Date(Date.now() - 10_000);
    for (const file of output.files) {
        utimesSync(file.path, past, past);
    }
    return { dir, context };
}

beforeAll(() => {
    root = makeRoot();
});
afterAll(() => {
    rmSync(root, { recursive: true, force: true });
});

describe.skipIf(!hasBinary('postconf') || process.getuid?.() !== 0)('Postfix (as root: postfix check wants its own users) accepts the generated main.cf and master.cf (postfix, postfix-ldap)', () => {
    for (const name of EXAMPLES) {
        for (const role of ['mx', 'mail'] as const) {
            it(`${name} ${role}: postconf -n and -M print no warning, postfix check passes`, async () => {
                const { context } = await prepare(name, role);
                const { configDir, dataDir } = context.profile.mail.postfix;
                const n = run('postconf', ['-c', configDir, '-n']);
                expect(n.stderr).toBe('');
                expect(n.status).toBe(0);
                const m = run('postconf', ['-c', configDir, '-M']);
                expect(m.stderr).toBe('');
                expect(m.status).toBe(0);
                // postfix check logs to syslog unless told otherwise: send it to a file we can show.
                const log = `${path.dirname(dataDir)}/log/check.log`;
                mkdirSync(path.dirname(log), { recursive: true });
                // As the package's postinst does: the data directory belongs to the mail owner.
                chownSync(dataDir, userId('postfix'), groupId('postfix'));
                appendFileSync(`${configDir}/main.cf`, `maillog_file = ${log}\nmaillog_file_prefixes = ${path.dirname(log)}\n`);
                const check = run('postfix', ['-c', configDir, 'check']);
                const logText = (() => { try { return readFileSync(log, 'utf-8'); } catch { return ''; } })();
                expect(check.status, check.stderr + logText).toBe(0);
                expect(logText.split('\n').filter(l => /warning|fatal|error/i.test(l))).toEqual([]);
            });
        }
    }
});

describe.skipIf(!hasBinary('doveconf'))('Dovecot 2.3 accepts the generated dovecot.conf (dovecot-core, -ldap, -lmtpd, -imapd, -sieve)', () => {
    for (const name of EXAMPLES) {
        it(`${name}: doveconf -n parses it without error`, async () => {
            const { context } = await prepare(name, 'mail');
            const conf = `${context.profile.mail.dovecot.configDir}/dovecot.conf`;
            const result = run('doveconf', ['-n', '-c', conf]);
            expect(result.stderr).toBe('');
            expect(result.status).toBe(0);
            expect(result.stdout).toMatch(/passdb \{\s+args = \S+ldap-/);
        });
    }
});

describe.skipIf(!hasBinary('opendkim'))('OpenDKIM accepts the generated opendkim.conf and keys (opendkim)', () => {
    for (const name of EXAMPLES) {
        it(`${name}: opendkim -n loads the configuration, tables and keys`, async () => {
            const { context } = await prepare(name, 'mail');
            const conf = context.profile.mail.opendkim.configFile;
            // The temp root sits under world-writable /tmp, which opendkim refuses for keys.
            const testConf = `${conf}.test`;
            cpSync(conf, testConf);
            appendFileSync(testConf, 'RequireSafeKeys false\n');
            const result = run('opendkim', ['-n', '-x', testConf]);
            expect(result.stderr).toBe('');
            expect(result.status).toBe(0);
        });
    }
});

describe.skipIf(!hasBinary('spamassassin'))('SpamAssassin accepts the generated local.cf (spamassassin)', () => {
    it('acme: spamassassin --lint with the site config folder', async () => {
        const { context } = await prepare('acme', 'mx');
        const dir = context.profile.mail.spamassassin.configDir;
        // --siteconfigpath replaces /etc/spamassassin: bring Debian's plugin loaders along.
        for (const pre of ['init.pre', 'v310.pre', 'v312.pre', 'v320.pre', 'v330.pre', 'v340.pre', 'v341.pre', 'v342.pre', 'v343.pre', 'v400.pre', 'v401.pre']) {
            try { cpSync(`/etc/spamassassin/${pre}`, `${dir}/${pre}`); } catch { /* older SpamAssassin: fewer loaders */ }
        }
        const result = run('spamassassin', ['--lint', '-L', `--siteconfigpath=${dir}`, '-p', '/dev/null']);
        expect(result.stderr).toBe('');
        expect(result.status).toBe(0);
    }, 60_000);
});
