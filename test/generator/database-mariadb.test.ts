import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { fileOf, hasCommand, shellcheckFragment, renderRole, tempFile } from './webmail-role-context.js';

describe('database role (MariaDB)', () => {
    it('binds my.cnf to the VM address with name resolution off and utf8mb4', async () => {
        const { output } = await renderRole('acme', 'hv1.cloud', 'database');
        const cnf = fileOf(output, '/usr/pkg/etc/my.cnf').content;
        expect(cnf).toMatch(/^bind-address = 10\.0\.0\.14$/m);
        expect(cnf).toMatch(/^skip-name-resolve$/m);
        expect(cnf).toMatch(/^datadir = \/var\/mariadb$/m);
        expect(cnf).toMatch(/^character-set-server = utf8mb4$/m);
        expect(output.rcConf).toEqual(['mariadb_datadir=/var/mariadb']);
    });

    it('writes an idempotent bootstrap, 0600, with each account limited to its client VM', async () => {
        const { output } = await renderRole('hosting', 'shared1.data', 'database');
        const sql = fileOf(output, '/usr/pkg/etc/companykit/mariadb-bootstrap.sql');
        expect(sql.mode).toBe(0o600);
        expect(sql.content).toContain('CREATE DATABASE IF NOT EXISTS `gitea_globex`');
        expect(sql.content).toMatch(/^CREATE USER IF NOT EXISTS 'gitea_globex'@'10\.20\.0\.30' IDENTIFIED BY '\w{24}';$/m);
        expect(sql.content).toMatch(/^ALTER USER 'roundcube_initech'@'10\.20\.0\.20' IDENTIFIED BY '\w{24}';$/m);
        expect(sql.content).not.toContain('nextcloud_globex');
        expect(output.provision).toContain("< '/usr/pkg/etc/companykit/mariadb-bootstrap.sql'");
        expect(output.provision).toMatch(/if \[ ! -d '\/var\/mariadb'\/mysql \]/);
    });

    it.skipIf(!hasCommand('mariadbd'))('my.cnf passes mariadbd --help --verbose (Debian paths)', async () => {
        const { output } = await renderRole('acme', 'hv1.cloud', 'database');
        // Only the paths change: the options themselves are what mariadbd checks.
        const cnf = fileOf(output, '/usr/pkg/etc/my.cnf').content
            .replace(/\/var\/run\/mariadb/g, '/tmp').replace('/var/mariadb', '/tmp/companykit-mariadb-check')
            .replace('/var/log/mariadb/error.log', '/tmp/companykit-mariadb-check.log');
        const result = spawnSync('mariadbd', [`--defaults-file=${tempFile('my.cnf', cnf)}`, '--help', '--verbose'], { encoding: 'utf-8' });
        expect(result.stderr).not.toMatch(/unknown (option|variable)/);
        expect(result.status).toBe(0);
    });

    it.skipIf(!hasCommand('shellcheck'))('provision passes shellcheck -s dash', async () => {
        const { output } = await renderRole('hosting', 'shared1.data', 'database');
        const result = shellcheckFragment(output.provision ?? '');
        expect(result.output).toBe('');
        expect(result.status).toBe(0);
    });
});
