import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderLdap } from '../../src/generator/roles/ldap.js';
import { netbsdDirectory } from '../../src/platform/directory-platform.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import type { PlatformProfile } from '../../src/platform/profile.js';
import { exampleRun, fileOf, run, tempDir, tool } from './ldap-support.js';

/**
 * The ACLs as the real slapd applies them: acme's slapd.conf and LDIF (Debian paths) loaded into a
 * slapd on a loopback port, then asked what bob, postfix, nextcloud and an anonymous client see.
 * Skipped without slapd and ldap-utils (CI installs them from issue 4 on).
 */
const binaries = {
    slapd: tool('/usr/sbin/slapd'), slapadd: tool('/usr/sbin/slapadd'),
    ldapsearch: tool('/usr/bin/ldapsearch'), ldapwhoami: tool('/usr/bin/ldapwhoami'), ldappasswd: tool('/usr/bin/ldappasswd')
};
const available = Object.values(binaries).every(Boolean);
const port = 20000 + (process.pid % 20000);
const uri = `ldap://127.0.0.1:${port}/`;

describe.skipIf(!available)('slapd enforces the generated ACLs (acme, live on loopback)', async () => {
    const acme = await exampleRun('acme');
    const company = acme.infra.companies[0];
    const root = tempDir('companykit-slapd-live-');
    const profile: PlatformProfile = {
        ...netbsdProfile,
        directory: {
            ...netbsdDirectory, configDir: root, slapdConf: path.join(root, 'slapd.conf'), schemaDir: '/etc/ldap/schema',
            modulePath: '/usr/lib/ldap', dataDir: path.join(root, 'data'), runDir: root, ldifDir: root
        }
    };
    const output = acme.render('hv1.auth', 'ldap', renderLdap, profile);
    const password = (key: string) => acme.secrets.password(key);
    const dn = (name: string) => company.users.find(u => u.name === name)!.dn;
    const account = (name: string) => company.directory.serviceAccounts.find(a => a.name === name)!;
    const search = (bind: { dn: string, pw: string } | undefined, base: string, ...attrs: string[]) =>
        run(binaries.ldapsearch!, ['-x', '-LLL', '-H', uri, ...(bind ? ['-D', bind.dn, '-w', bind.pw] : []), '-b', base, '-s', 'base', ...attrs]);

    beforeAll(() => {
        for (const file of output.files) {
            writeFileSync(file.path, file.content);
        }
        mkdirSync(path.join(root, 'data', 'acme'), { recursive: true });
        const loaded = run(binaries.slapadd!, ['-f', profile.directory.slapdConf, '-b', company.directory.suffix, '-l', path.join(root, 'acme.ldif')]);
        expect(loaded.status).toBe(0);
        const started = run(binaries.slapd!, ['-f', profile.directory.slapdConf, '-h', uri]);
        expect(started.status).toBe(0);
        // slapd forks; wait until it answers.
        for (let i = 0; i < 50 && run(binaries.ldapwhoami!, ['-x', '-H', uri, '-D', company.directory.adminDn, '-w', company.directory.adminPassword]).status !== 0; i++) {
            Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
        }
    });

    afterAll(() => {
        const pidFile = path.join(root, 'slapd.pid');
        if (existsSync(pidFile)) {
            process.kill(Number(readFileSync(pidFile, 'utf-8').trim()), 'SIGTERM');
            for (let i = 0; i < 50 && existsSync(pidFile); i++) {
                Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100);
            }
        }
        rmSync(root, { recursive: true, force: true });
    });

    it('lets a user bind with the generated password, and refuses a wrong one', () => {
        expect(run(binaries.ldapwhoami!, ['-x', '-H', uri, '-D', dn('alice'), '-w', password('user:acme:alice')]).output).toContain(`dn:${dn('alice')}`);
        expect(run(binaries.ldapwhoami!, ['-x', '-H', uri, '-D', dn('alice'), '-w', 'wrong']).status).toBe(49);
    });

    it('refuses anonymous searches', () => {
        const anonymous = search(undefined, dn('alice'), 'mail');
        expect(anonymous.output).not.toContain('mail:');
        expect(anonymous.status).not.toBe(0);
    });

    it('hides a user\'s hash from other users and from service accounts', () => {
        const bob = { dn: dn('bob'), pw: password('user:acme:bob') };
        expect(search(bob, dn('alice'), 'userPassword').output).not.toContain('userPassword');
        const nextcloud = { dn: account('nextcloud').dn, pw: account('nextcloud').password };
        const seen = search(nextcloud, dn('alice'), 'cn', 'userPassword').output;
        expect(seen).toContain('cn: Alice Liddell');
        expect(seen).not.toContain('userPassword');
    });

    it('gives postfix the alias recipients and nothing of the users beyond mail attributes', () => {
        const postfix = { dn: account('postfix').dn, pw: account('postfix').password };
        const alias = company.aliases.find(a => a.address === 'info@acme.example')!;
        expect(search(postfix, alias.dn, 'rfc822MailMember').output).toContain('rfc822MailMember: frontdesk@partner.example');
        const user = search(postfix, dn('bob'), 'mail', 'cn').output;
        expect(user).toContain('mail: bob.martin@acme.example');
        expect(user).not.toContain('cn:');
    });

    it('lets a user change their own password', () => {
        const bob = { dn: dn('bob'), pw: password('user:acme:bob') };
        expect(run(binaries.ldappasswd!, ['-x', '-H', uri, '-D', bob.dn, '-w', bob.pw, '-s', 'n3w-Passw0rd']).status).toBe(0);
        expect(run(binaries.ldapwhoami!, ['-x', '-H', uri, '-D', bob.dn, '-w', 'n3w-Passw0rd']).status).toBe(0);
        expect(fileOf(output, profile.directory.slapdConf).content).toContain('by self write');
    });
});
