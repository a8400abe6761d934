import { beforeAll, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../src/generator/file-set.js';
import { renderGuestBase } from '../../src/generator/guest/guest-base.js';
import type { Infrastructure } from '../../src/model/infrastructure.js';
import { fileAt, resolveExample } from '../support/generation.js';
import { baseFiles, guestContext } from './guest-support.js';

const lines = (file: GeneratedFile): string[] => file.content.split('\n');

describe('guest base files (acme)', () => {
    let infra: Infrastructure;
    let files: GeneratedFile[];
    beforeAll(async () => {
        infra = await resolveExample('acme');
        files = baseFiles('acme', infra, role => ({
            files: role === 'ldap' ? [{ host: 'hv1.auth', path: '/usr/pkg/etc/openldap/slapd.conf', mode: 0o640, group: 'ldap', content: 'x\n' }] : [],
            rcConf: [`${role}_test="-x"`],
            provision: `echo provisioning ${role}\n`
        }));
    });

    it('rc.conf: hostname, address, default route, base daemons, every service, then role lines', () => {
        const rc = lines(fileAt(files, 'hv1.auth', '/etc/rc.conf'));
        expect(rc).toContain('rc_configured=YES');
        expect(rc).toContain(`hostname='auth.acme.example'`);
        expect(rc).toContain(`ifconfig_vioif0='inet 10.0.0.10 netmask 255.255.255.0'`);
        expect(rc).toContain('defaultroute=10.0.0.1');
        for (const knob of ['sshd=YES', 'ntpd=YES', 'powerd=YES', 'slapd=YES', 'named9=YES']) {
            expect(rc).toContain(knob);
        }
        expect(rc.indexOf('slapd=YES')).toBeLessThan(rc.indexOf('named9=YES'));
        expect(rc.indexOf('named9=YES')).toBeLessThan(rc.indexOf('ldap_test="-x"'));
        expect(rc).toContain('dns_test="-x"');
    });

    it('hosts lists the hypervisor and every VM of the server by FQDN and short name', () => {
        const hosts = lines(fileAt(files, 'hv1.mail', '/etc/hosts'));
        expect(hosts).toContain('127.0.0.1\t\tlocalhost localhost.');
        expect(hosts).toContain('10.0.0.1\t\thv1.acme.example hv1');
        expect(hosts).toContain('10.0.0.10\t\tauth.acme.example auth');
        expect(hosts).toContain('10.0.0.18\t\twww.acme.example www');
        expect(hosts.filter(l => /^10\.0\.0\./.test(l))).toHaveLength(infra.servers[0].vms.length + 1);
    });

    it('resolv.conf points at the dns VM of the server with the server domain as search', () => {
        const resolv = lines(fileAt(files, 'hv1.www', '/etc/resolv.conf'));
        expect(resolv).toContain('nameserver 10.0.0.10');
        expect(resolv).toContain('search acme.example');
    });

    it('pkgin uses the mirror, $arch and the release major', () => {
        const repo = fileAt(files, 'hv1.auth', '/usr/pkg/etc/pkgin/repositories.conf');
        expect(lines(repo)).toContain('https://cdn.NetBSD.org/pub/pkgsrc/packages/NetBSD/$arch/10.0/All');
    });

    it('provision.sh: functions, packages, rc.d scripts, role fragments in role order, owners, restarts in start order', () => {
        const file = fileAt(files, 'hv1.auth', '/root/companykit/provision.sh');
        expect(file.mode).toBe(0o700);
        const text = file.content;
        for (const fn of ['ensure_user()', 'ensure_group()', 'ensure_dir()', 'ensure_certificate()', 'install_packages()', 'ensure_line()', 'ensure_service()', 'restart_service()']) {
            expect(text).toContain(fn);
        }
        expect(text).toMatch(/^set -eu$/m);
        expect(text).toMatch(/^install_packages pkgin bind918 mozilla-rootcerts openldap-client openldap-server$/m);
        expect(text).toMatch(/^ensure_service slapd$/m);
        expect(text).toMatch(/^ensure_service named9$/m);
        expect(text).toContain("'/etc/rc.d'/\"$1\" restart");
        const order = ['install_packages pkgin', 'echo provisioning ldap', 'echo provisioning dns', "chown 'root:ldap' '/usr/pkg/etc/openldap/slapd.conf'",
            'restart_service slapd', 'restart_service named9'].map(needle => text.indexOf(needle));
        expect(order.every(index => index > 0)).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
        expect(text).toContain("chmod 0640 '/usr/pkg/etc/openldap/slapd.conf'");
    });

    it('nginx.conf and php-fpm.conf only where those daemons run, including the roles\' pieces', () => {
        const nginx = fileAt(files, 'hv1.cloud', '/usr/pkg/etc/nginx/nginx.conf').content;
        expect(nginx).toContain('include /usr/pkg/etc/nginx/sites/*.conf;');
        expect(nginx).toContain('map $http_upgrade $connection_upgrade {');
        expect(nginx).toContain('server_tokens off;');
        expect(fileAt(files, 'hv1.cloud', '/usr/pkg/etc/php/8.2/php-fpm.conf').content).toContain('include=/usr/pkg/etc/php/8.2/php-fpm.d/*.conf');
        expect(files.some(f => f.host === 'hv1.auth' && f.path.endsWith('nginx.conf'))).toBe(false);
        expect(files.some(f => f.host === 'hv1.rproxy' && f.path.endsWith('php-fpm.conf'))).toBe(false);
        expect(files.some(f => f.host === 'hv1.rproxy' && f.path.endsWith('nginx.conf'))).toBe(true);
    });

    it('identical rc.conf lines from two roles appear once', () => {
        const [file] = renderGuestBase(guestContext('acme', infra, 'hv1', 'auth'), [{ files: [], rcConf: ['same=1'] }, { files: [], rcConf: ['same=1'] }]);
        expect(lines(file).filter(l => l === 'same=1')).toHaveLength(1);
    });
});

describe('guest base files (two servers)', () => {
    it('the secondary server\'s guests resolve through its own dns VM', async () => {
        const infra = await resolveExample('two-servers');
        const files = baseFiles('two-servers', infra);
        expect(lines(fileAt(files, 'south.jvb2', '/etc/resolv.conf'))).toContain('nameserver 10.31.0.20');
        expect(lines(fileAt(files, 'north.meet', '/etc/resolv.conf'))).toContain('nameserver 10.30.0.10');
    });
});
