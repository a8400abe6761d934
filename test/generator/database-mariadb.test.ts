import { describe, expect, it } from 'vitest';
import { debianProfile } from '../../src/platform/debian.js';
import { fileOf, renderRole } from './webmail-role-context.js';

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

    it('on Debian, writes a mariadb.conf.d drop-in (my.cnf is an alternatives symlink) and no rc.conf line', async () => {
        const { output } = await renderRole('acme', 'hv1.cloud', 'database', debianProfile);
        const cnf = fileOf(output, '/etc/mysql/mariadb.conf.d/90-companykit.cnf').content;
        expect(cnf).toMatch(/^socket = \/run\/mysqld\/mysqld\.sock$/m);
        expect(cnf).toMatch(/^datadir = \/var\/lib\/mysql$/m);
        expect(output.rcConf).toEqual([]);
        expect(output.provision).toContain('systemctl start mariadb.service');
    });
});
