import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { RoleOutput } from '../../src/generator/guest-context.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import type { PlatformProfile } from '../../src/platform/profile.js';

/**
 * Runs the real `nginx -t` (Debian's) on a role's generated site files: a temp tree stands in for
 * the guest, with a main nginx.conf like the guest base's (sites/*.conf included, the
 * $connection_upgrade map) and self-signed certificates for every name the site expects.
 */

const which = (command: string): boolean => spawnSync('sh', ['-c', `command -v ${command}`]).status === 0;
export const hasNginx = which('nginx') && which('openssl');

/** Debian 12's nginx 1.22 predates `http2 on;` (1.25.1); newer ones get the directive form. */
function nginxHasHttp2Directive(): boolean {
    const version = /nginx\/(\d+)\.(\d+)\.(\d+)/.exec(spawnSync('nginx', ['-v'], { encoding: 'utf-8' }).stderr ?? '');
    if (!version) {
        return false;
    }
    const [major, minor, patch] = version.slice(1).map(Number) as [number, number, number];
    return major > 1 || minor > 25 || (minor === 25 && patch >= 1);
}

export interface NginxTree {
    readonly root: string;
    readonly profile: PlatformProfile;
    cleanup(): void;
}

/** The netbsd profile with every path the sites use moved under a temp root. */
export function nginxTree(): NginxTree {
    const root = mkdtempSync(path.join(tmpdir(), 'ck-nginx-'));
    chmodSync(root, 0o755);
    const base = { ...netbsdProfile.base, nginxConfDir: `${root}/nginx`, tlsDir: `${root}/tls` };
    const web = {
        ...netbsdProfile.web,
        proxy: { ...netbsdProfile.web.proxy, staticRoot: `${root}/www/proxy`, http2Directive: nginxHasHttp2Directive() },
        website: { ...netbsdProfile.web.website, rootDir: `${root}/www/website` },
        acme: { ...netbsdProfile.web.acme, challengeDir: `${root}/acme-challenge` }
    };
    return { root, profile: { ...netbsdProfile, base, web }, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

const MAIN_CONF = (root: string) => `
pid ${root}/nginx.pid;
error_log ${root}/error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    access_log ${root}/access.log;
    client_body_temp_path ${root}/tmp/body;
    proxy_temp_path ${root}/tmp/proxy;
    fastcgi_temp_path ${root}/tmp/fastcgi;
    uwsgi_temp_path ${root}/tmp/uwsgi;
    scgi_temp_path ${root}/tmp/scgi;
    map $http_upgrade $connection_upgrade {
        default upgrade;
        '' close;
    }
    include ${root}/nginx/sites/*.conf;
}
`;

/** Writes the outputs' files into the tree (their paths already point into it), then `nginx -t`. */
export function nginxTest(tree: NginxTree, outputs: readonly RoleOutput[], certificateNames: readonly string[]): { status: number, output: string } {
    const { root } = tree;
    mkdirSync(`${root}/tmp`, { recursive: true });
    mkdirSync(`${root}/tls`, { recursive: true });
    for (const file of outputs.flatMap(o => o.files)) {
        if (!file.path.startsWith(root)) {
            continue; // dehydrated files keep their NetBSD paths: not nginx's business
        }
        mkdirSync(path.dirname(file.path), { recursive: true });
        writeFileSync(file.path, file.content);
    }
    writeFileSync(`${root}/nginx.conf`, MAIN_CONF(root));
    if (certificateNames.length > 0) {
        execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=test',
            '-keyout', `${root}/tls/self.key`, '-out', `${root}/tls/self.crt`], { stdio: 'ignore' });
        for (const name of certificateNames) {
            copyFileSync(`${root}/tls/self.crt`, `${root}/tls/${name}.crt`);
            copyFileSync(`${root}/tls/self.key`, `${root}/tls/${name}.key`);
        }
    }
    const run = spawnSync('nginx', ['-t', '-c', `${root}/nginx.conf`, '-p', `${root}/`], { encoding: 'utf-8' });
    return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}
