import { describe, expect, it } from 'vitest';
import { debianProfile } from '../../src/platform/debian.js';
import { fileOf, renderRole } from './webmail-role-context.js';

const APP_INI = '/usr/pkg/etc/gitea/conf/app.ini';

describe('git role (Gitea)', () => {
    it('writes app.ini 0640 owned by git', async () => {
        const { output } = await renderRole('acme', 'hv1.git', 'git');
        expect(fileOf(output, APP_INI)).toMatchObject({ mode: 0o640, owner: 'git', group: 'git' });
    });

    it('sets the server, database, security and service values', async () => {
        // Values only: the INI syntax and the keys Gitea needs are checked in test/configs (configparser).
        const { output } = await renderRole('acme', 'hv1.git', 'git');
        const ini = fileOf(output, APP_INI).content;
        for (const line of [
            'APP_NAME = ACME, Inc. Git', 'RUN_USER = git',
            'DOMAIN = git.acme.example', 'ROOT_URL = https://git.acme.example/', 'HTTP_ADDR = 10.0.0.15', 'HTTP_PORT = 3000',
            'SSH_DOMAIN = git.acme.example', 'SSH_PORT = 2222', 'START_SSH_SERVER = false', 'LOCAL_ROOT_URL = http://10.0.0.15:3000/',
            'DB_TYPE = mysql', 'HOST = 10.0.0.14:3306', 'NAME = gitea_acme', 'USER = gitea_acme',
            'INSTALL_LOCK = true', 'REVERSE_PROXY_TRUSTED_PROXIES = 10.0.0.17', 'DISABLE_REGISTRATION = true'
        ]) {
            expect(ini).toContain(`\n${line}\n`);
        }
        expect(ini).toMatch(/^SECRET_KEY = [0-9a-f]{64}$/m);
        expect(ini).toMatch(/^JWT_SECRET = [\w-]{43}$/m);
    });

    it('writes no unit on NetBSD (the gitea package brings its rc.d script and its user)', async () => {
        const { output } = await renderRole('acme', 'hv1.git', 'git');
        expect(output.files.map(f => f.path)).toEqual([APP_INI]);
        expect(output.provision).not.toContain('ensure_user');
    });

    it('on Debian (no gitea package), writes its systemd unit and creates the git user', async () => {
        const { output } = await renderRole('acme', 'hv1.git', 'git', debianProfile);
        const unit = fileOf(output, '/etc/systemd/system/gitea.service');
        expect(unit.mode).toBe(0o644);
        expect(unit.content).toContain('\nExecStart=/usr/local/bin/gitea web --config /etc/gitea/app.ini\n');
        expect(unit.content).toContain('\nUser=git\n');
        expect(unit.content).toContain('\nWorkingDirectory=/var/lib/gitea\n');
        expect(output.provision).toContain("ensure_user 'git' '/var/lib/gitea' 'git'\n");
    });

    it('adds the LDAP source once and updates it after', async () => {
        const { output } = await renderRole('acme', 'hv1.git', 'git');
        const p = output.provision ?? '';
        expect(p).toContain('gitea_auth_command="add-ldap"');
        expect(p).toContain('gitea_auth_command="update-ldap --id $gitea_source_id"');
        expect(p).toContain("--user-filter '(&(objectClass=inetOrgPerson)(|(uid=%[1]s)(mail=%[1]s)))'");
        expect(p).toContain("--admin-filter '(uid=alice)'");
        expect(p).toContain("--bind-dn 'uid=gitea,ou=system,dc=acme,dc=example'");
    });

    it('serves only the company with git on a VM shared with others', async () => {
        const { context, output } = await renderRole('hosting', 'shared1.data', 'git');
        expect(context.vm.roles.find(r => r.role === 'git')?.companies).toContain('wayne');
        expect(fileOf(output, APP_INI).content).toContain('DOMAIN = git.globex.example');
    });
});
