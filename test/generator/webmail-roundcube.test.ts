import { describe, expect, it } from 'vitest';
import { fileOf, hasCommand, shellcheckFragment, phpArray, phpLint, renderRole } from './webmail-role-context.js';

const RCUBE = "define('RCUBE_INSTALL_PATH', '/x/');";

describe('webmail role (Roundcube)', () => {
    it('maps each company host name to its own host file, all holding secrets at 0640', async () => {
        const { output } = await renderRole('hosting', 'shared1.web', 'webmail');
        const main = fileOf(output, '/usr/pkg/etc/roundcube/config.inc.php');
        expect(main.content).toContain("'webmail.initech.example.org' => 'initech.inc.php',");
        expect(main.content).toContain("$config['enable_installer'] = false;");
        for (const company of ['wayne', 'globex', 'initech']) {
            const host = fileOf(output, `/usr/pkg/etc/roundcube/${company}.inc.php`);
            expect(host.mode).toBe(0o640);
            expect(host.group).toBe('www');
        }
    });

    it('has one nginx server and one php-fpm pool for the role', async () => {
        const { output } = await renderRole('hosting', 'shared1.web', 'webmail');
        const site = fileOf(output, '/usr/pkg/etc/nginx/sites/webmail.conf').content;
        expect(site.match(/^ {4}server_name /gm)).toHaveLength(3);
        expect(site).toContain('set_real_ip_from 10.20.0.2;');
        expect(site).toContain('fastcgi_pass unix:/var/run/php-fpm/webmail.sock;');
        expect(fileOf(output, '/usr/pkg/etc/php/8.2/php-fpm.d/webmail.conf').content).toMatch(/^\[webmail\]$/m);
    });

    it('loads the schema only into an empty database', async () => {
        const { output } = await renderRole('acme', 'hv1.webmail', 'webmail');
        expect(output.provision).toContain("-e 'SELECT 1 FROM users LIMIT 1' 'roundcube_acme'");
        expect(output.provision).toContain("< '/usr/pkg/share/roundcube/SQL/mysql.initial.sql'");
    });

    describe.skipIf(!hasCommand('php'))('with php (php-cli)', () => {
        it('passes php -l and sets the keys Roundcube needs', async () => {
            const { output } = await renderRole('acme', 'hv1.webmail', 'webmail');
            const main = fileOf(output, '/usr/pkg/etc/roundcube/config.inc.php').content;
            const host = fileOf(output, '/usr/pkg/etc/roundcube/acme.inc.php').content;
            expect(phpLint(main).status).toBe(0);
            expect(phpLint(host).status).toBe(0);
            const config = { ...phpArray(main, 'config', RCUBE), ...phpArray(`${host.replace('<?php', '<?php $config = [];')}`, 'config', RCUBE) };
            expect(config).toMatchObject({
                enable_installer: false,
                db_dsnw: expect.stringMatching(/^mysql:\/\/roundcube_acme:\w{24}@10\.0\.0\.14:3306\/roundcube_acme$/),
                imap_host: 'ssl://10.0.0.12:993',
                smtp_host: 'tls://10.0.0.12:587',
                smtp_user: '%u',
                username_domain: 'acme.example',
                product_name: 'ACME, Inc. Webmail',
                trusted_host_patterns: ['^webmail\\.acme\\.example$']
            });
            expect(config.des_key).toMatch(/^[0-9a-f]{24}$/);
            const ldap = (config.ldap_public as Record<string, Record<string, unknown>>).directory;
            expect(ldap).toMatchObject({ hosts: ['10.0.0.10'], bind_dn: 'uid=roundcube,ou=system,dc=acme,dc=example', base_dn: 'ou=people,dc=acme,dc=example' });
        });

        it('fails php -l on a broken file (the check can fail)', () => {
            expect(phpLint("<?php $config['x'] = 'unterminated;").status).not.toBe(0);
        });
    });

    it.skipIf(!hasCommand('shellcheck'))('provision passes shellcheck -s dash', async () => {
        const { output } = await renderRole('hosting', 'shared1.web', 'webmail');
        const result = shellcheckFragment(output.provision ?? '');
        expect(result.output).toBe('');
        expect(result.status).toBe(0);
    });
});
