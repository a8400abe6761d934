import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fileOf, hasCommand, shellcheckFragment, renderRole, tempFile } from './webmail-role-context.js';

const APP_INI = '/usr/pkg/etc/gitea/conf/app.ini';

/** app.ini through Python's configparser (go-ini allows keys before any section: give them one). */
function parseIni(content: string): Record<string, Record<string, string>> {
    const file = tempFile('app.ini', `[DEFAULT_SECTION]\n${content}`);
    const script = 'import configparser,json,sys\nc=configparser.RawConfigParser(interpolation=None,strict=True)\nc.optionxform=str\n'
        + 'c.read(sys.argv[1])\nprint(json.dumps({s:dict(c[s]) for s in c.sections()}))';
    return JSON.parse(execFileSync('python3', ['-c', script, file], { encoding: 'utf-8' })) as Record<string, Record<string, string>>;
}

describe('git role (Gitea)', () => {
    it('writes app.ini 0640 owned by git', async () => {
        const { output } = await renderRole('acme', 'hv1.git', 'git');
        expect(fileOf(output, APP_INI)).toMatchObject({ mode: 0o640, owner: 'git', group: 'git' });
    });

    it.skipIf(!hasCommand('python3'))('parses as INI with the server, database, security and service keys', async () => {
        const { output } = await renderRole('acme', 'hv1.git', 'git');
        const ini = parseIni(fileOf(output, APP_INI).content);
        expect(ini.DEFAULT_SECTION).toMatchObject({ APP_NAME: 'ACME, Inc. Git', RUN_USER: 'git' });
        expect(ini.server).toMatchObject({
            DOMAIN: 'git.acme.example', ROOT_URL: 'https://git.acme.example/', HTTP_ADDR: '10.0.0.15', HTTP_PORT: '3000',
            SSH_DOMAIN: 'git.acme.example', SSH_PORT: '2222', START_SSH_SERVER: 'false', LOCAL_ROOT_URL: 'http://10.0.0.15:3000/'
        });
        expect(ini.database).toMatchObject({ DB_TYPE: 'mysql', HOST: '10.0.0.14:3306', NAME: 'gitea_acme', USER: 'gitea_acme' });
        expect(ini.security).toMatchObject({ INSTALL_LOCK: 'true', REVERSE_PROXY_TRUSTED_PROXIES: '10.0.0.17' });
        expect(ini.security.SECRET_KEY).toMatch(/^[0-9a-f]{64}$/);
        expect(ini.oauth2.JWT_SECRET).toMatch(/^[\w-]{43}$/);
        expect(ini.service.DISABLE_REGISTRATION).toBe('true');
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

    it.skipIf(!hasCommand('shellcheck'))('provision passes shellcheck -s dash', async () => {
        const { output } = await renderRole('acme', 'hv1.git', 'git');
        const result = shellcheckFragment(output.provision ?? '');
        expect(result.output).toBe('');
        expect(result.status).toBe(0);
    });
});
