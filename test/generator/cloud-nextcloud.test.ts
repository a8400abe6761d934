import { describe, expect, it } from 'vitest';
import { fileOf, renderRole } from './webmail-role-context.js';

const CONFIG = '/var/www/nextcloud/acme/config/companykit.config.php';

describe('cloud role (Nextcloud)', () => {
    it('keeps its settings in an extra config file owned by the web user, 0640', async () => {
        const { output } = await renderRole('acme', 'hv1.cloud', 'cloud');
        const file = fileOf(output, CONFIG);
        expect(file).toMatchObject({ mode: 0o640, owner: 'nginx', group: 'nginx' });
        expect(fileOf(output, '/var/www/nextcloud/acme/occ').content).toContain("NEXTCLOUD_CONFIG_DIR='/var/www/nextcloud/acme/config'");
    });

    it('follows the documented nginx layout: DAV redirects, front controller, headers, trusted proxy', async () => {
        const { output } = await renderRole('acme', 'hv1.cloud', 'cloud');
        const site = fileOf(output, '/usr/pkg/etc/nginx/sites/cloud.conf').content;
        expect(site).toContain('location = /.well-known/caldav { return 301 /remote.php/dav/; }');
        expect(site).toContain('fastcgi_param front_controller_active true;');
        expect(site).toContain('add_header X-Robots-Tag "noindex, nofollow" always;');
        expect(site).toContain('set_real_ip_from 10.0.0.17;');
        const pool = fileOf(output, '/usr/pkg/etc/php/8.2/php-fpm.d/cloud.conf').content;
        expect(pool).toMatch(/^\[cloud-acme\]$/m);
        expect(pool).toContain('env[NEXTCLOUD_CONFIG_DIR] = /var/www/nextcloud/acme/config');
    });

    it('installs once and configures the LDAP login idempotently', async () => {
        const { output } = await renderRole('acme', 'hv1.cloud', 'cloud');
        const p = output.provision ?? '';
        expect(p).toMatch(/if ! '\/var\/www\/nextcloud\/acme\/occ' status --output=json .*"installed":true/);
        expect(p).toContain("--admin-user='ncadmin'");
        expect(p).toContain("ldap:show-config s01 >/dev/null 2>&1 || '/var/www/nextcloud/acme/occ' ldap:create-empty-config");
        expect(p).toContain("ldap:set-config s01 'ldapAgentName' 'uid=nextcloud,ou=system,dc=acme,dc=example'");
        expect(p).toContain("ldap:set-config s01 'ldapLoginFilter' '(&(objectClass=inetOrgPerson)(|(uid=%uid)(mail=%uid)))'");
        expect(p).toContain("config:app:set files default_quota --value='10 GB'");
    });

    it('serves only the companies with cloud on a shared VM', async () => {
        const { output } = await renderRole('hosting', 'shared1.data', 'cloud');
        expect(output.files.map(f => f.path).filter(p => p.endsWith('companykit.config.php'))).toEqual(['/var/www/nextcloud/wayne/config/companykit.config.php']);
    });

    it('points the instance at its host name, the proxy, its database and its data directory', async () => {
        // Values only: php -l and the keys Nextcloud needs are checked in test/configs (php checkers).
        const { output } = await renderRole('acme', 'hv1.cloud', 'cloud');
        const content = fileOf(output, CONFIG).content;
        for (const line of [
            "'trusted_domains' => ['cloud.acme.example'],",
            "'overwrite.cli.url' => 'https://cloud.acme.example/',",
            "'overwriteprotocol' => 'https',",
            "'trusted_proxies' => ['10.0.0.17'],",
            "'dbtype' => 'mysql',",
            "'dbhost' => '10.0.0.14:3306',",
            "'dbname' => 'nextcloud_acme',",
            "'datadirectory' => '/var/db/nextcloud/acme',",
            "'default_phone_region' => 'US',",
            "'default_timezone' => 'Europe/Berlin',",
            "'default_language' => 'en',"
        ]) {
            expect(content).toContain(`    ${line}\n`);
        }
    });

    it('includes the system mime.types by its absolute path (never relative to a --root tree)', async () => {
        const { output } = await renderRole('acme', 'hv1.cloud', 'cloud');
        expect(fileOf(output, '/usr/pkg/etc/nginx/sites/cloud.conf').content).toContain('    include /usr/pkg/etc/nginx/mime.types;\n');
    });
});
