import { describe, expect, it } from 'vitest';
import { fileOf, renderRole } from './webmail-role-context.js';

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

    it('gives each company its database, mail servers, login domain, des_key and address book', async () => {
        // Values only: php -l and Roundcube's own key names are checked in test/configs (php checkers).
        const { output } = await renderRole('acme', 'hv1.webmail', 'webmail');
        const main = fileOf(output, '/usr/pkg/etc/roundcube/config.inc.php').content;
        const host = fileOf(output, '/usr/pkg/etc/roundcube/acme.inc.php').content;
        expect(main).toContain("$config['enable_installer'] = false;");
        expect(main).toContain("$config['trusted_host_patterns'] = ['^webmail\\\\.acme\\\\.example$'];");
        expect(host).toMatch(/^\$config\['db_dsnw'\] = 'mysql:\/\/roundcube_acme:\w{24}@10\.0\.0\.14:3306\/roundcube_acme';$/m);
        expect(host).toContain("$config['imap_host'] = 'ssl://10.0.0.12:993';");
        expect(host).toContain("$config['smtp_host'] = 'tls://10.0.0.12:587';");
        expect(host).toContain("$config['smtp_user'] = '%u';");
        expect(host).toContain("$config['username_domain'] = 'acme.example';");
        expect(host).toContain("$config['product_name'] = 'ACME, Inc. Webmail';");
        expect(host).toMatch(/^\$config\['des_key'\] = '[0-9a-f]{24}';$/m);
        expect(host).toContain("'hosts' => ['10.0.0.10'],");
        expect(host).toContain("'bind_dn' => 'uid=roundcube,ou=system,dc=acme,dc=example',");
        expect(host).toContain("'base_dn' => 'ou=people,dc=acme,dc=example',");
    });
});
