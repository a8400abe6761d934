import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { debian } from '../../src/platform/debian.js';
import { fixtureSecrets } from '../support/generation.js';
import { hasCommand } from '../support/tools.js';
import { runTool } from './support/checker.js';
import { writeConfigTree, type ConfigTree, type HostTree } from './support/config-tree.js';
import { startSlapd, type LiveSlapd } from './support/live-slapd.js';

/**
 * The generated ACLs as the real slapd applies them: acme's debian tree (its slapd.conf and LDIF,
 * as written) loaded and served by `startSlapd`, then asked what bob, postfix, nextcloud and an
 * anonymous client see.
 */
describe('slapd enforces the generated ACLs (acme, debian tree, live on loopback)', () => {
    let tree: ConfigTree;
    let slapd: LiveSlapd | undefined;
    const secrets = fixtureSecrets('acme');

    beforeAll(async () => {
        const missing = ['slapd', 'slapadd', 'slapcat', 'ldapsearch', 'ldapwhoami', 'ldappasswd'].filter(tool => !hasCommand(tool));
        expect(missing, 'install slapd and ldap-utils as .ci/run does').toEqual([]);
        tree = await writeConfigTree('acme', debian, 'live-slapd');
        slapd = await startSlapd(tree.hosts.find(h => h.host === 'hv1.auth') as HostTree);
    });

    afterAll(async () => {
        await slapd?.stop();
    });

    const company = () => tree.infra.companies[0];
    const dn = (name: string) => company().users.find(u => u.name === name)!.dn;
    const account = (name: string) => {
        const found = company().directory.serviceAccounts.find(a => a.name === name)!;
        return { dn: found.dn, pw: found.password };
    };
    const user = (name: string) => ({ dn: dn(name), pw: secrets.password(`user:acme:${name}`) });
    const whoami = (bind: { dn: string, pw: string }) => runTool('ldapwhoami', ['-x', '-H', slapd!.url, '-D', bind.dn, '-w', bind.pw]);
    const search = (bind: { dn: string, pw: string } | undefined, base: string, ...attrs: string[]) =>
        runTool('ldapsearch', ['-x', '-LLL', '-H', slapd!.url, ...(bind ? ['-D', bind.dn, '-w', bind.pw] : []), '-b', base, '-s', 'base', ...attrs]);

    it('lets a user bind with the generated password, and refuses a wrong one', () => {
        expect(whoami(user('alice')).output).toContain(`dn:${dn('alice')}`);
        expect(whoami({ dn: dn('alice'), pw: 'wrong' }).status).toBe(49);
    });

    it('refuses anonymous searches', () => {
        const anonymous = search(undefined, dn('alice'), 'mail');
        expect(anonymous.output).not.toContain('mail:');
        expect(anonymous.status).not.toBe(0);
    });

    it('hides a user\'s hash from other users and from service accounts', () => {
        expect(search(user('bob'), dn('alice'), 'userPassword').output).not.toContain('userPassword');
        const seen = search(account('nextcloud'), dn('alice'), 'cn', 'userPassword').output;
        expect(seen).toContain('cn: Alice Liddell');
        expect(seen).not.toContain('userPassword');
    });

    it('gives postfix the alias recipients and nothing of the users beyond mail attributes', () => {
        const alias = company().aliases.find(a => a.address === 'info@acme.example')!;
        expect(search(account('postfix'), alias.dn, 'rfc822MailMember').output).toContain('rfc822MailMember: frontdesk@partner.example');
        const seen = search(account('postfix'), dn('bob'), 'mail', 'cn').output;
        expect(seen).toContain('mail: bob.martin@acme.example');
        expect(seen).not.toContain('cn:');
    });

    it('lets a user change their own password', () => {
        const bob = user('bob');
        expect(runTool('ldappasswd', ['-x', '-H', slapd!.url, '-D', bob.dn, '-w', bob.pw, '-s', 'n3w-Passw0rd']).status).toBe(0);
        expect(whoami({ dn: bob.dn, pw: 'n3w-Passw0rd' }).status).toBe(0);
    });

    it('holds the base entry provision.sh\'s "already loaded?" slapcat probe looks for', () => {
        const host = tree.hosts.find(h => h.host === 'hv1.auth')!;
        const suffix = company().directory.suffix;
        const probe = runTool('slapcat', ['-f', host.profile.directory.slapdConf, '-b', suffix, '-H', `ldap:///${suffix}??base`]);
        expect(probe.stdout).toMatch(new RegExp(`^dn: ${suffix}$`, 'm'));
        expect(probe.stdout.match(/^dn: /gm)).toHaveLength(1);
    });

    it('stops: the process is gone and the port refuses', async () => {
        const { pid, url } = slapd!;
        await slapd!.stop();
        expect(() => process.kill(pid, 0)).toThrow();
        expect(runTool('ldapsearch', ['-x', '-H', url, '-b', '', '-s', 'base']).status).toBe(255);
    });
});
