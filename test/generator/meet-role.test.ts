import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, test } from 'vitest';
import type { GeneratedFile } from '../../src/generator/file-set.js';
import { renderMeet } from '../../src/generator/roles/meet.js';
import type { RoleOutput } from '../../src/generator/guest-context.js';
import type { Infrastructure } from '../../src/model/infrastructure.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import { fixtureSecrets, resolveExample } from '../support/generation.js';
import { hasCommand, luac, parseHocon, PROVISION_STUBS, run, shellcheck, tempDir, writeTemp } from './meet-tools.js';

const m = netbsdProfile.meet;

async function renderFor(example: string, host: string): Promise<{ infra: Infrastructure, output: RoleOutput }> {
    const infra = await resolveExample(example);
    const server = infra.servers.find(s => s.vms.some(vm => vm.host === host))!;
    const vm = server.vms.find(v => v.host === host)!;
    const role = vm.roles.find(r => r.role === 'meet')!;
    return { infra, output: renderMeet({ infra, server, vm, profile: netbsdProfile, secrets: fixtureSecrets(example) }, role) };
}

const file = (output: RoleOutput, path: string): GeneratedFile => {
    const found = output.files.find(f => f.path === path);
    if (!found) {
        throw new Error(`no ${path} among ${output.files.map(f => f.path).join(', ')}`);
    }
    return found;
};

describe('meet role on acme (hv1.meet)', () => {
    let output: RoleOutput;
    let infra: Infrastructure;
    beforeAll(async () => {
        ({ infra, output } = await renderFor('acme', 'hv1.meet'));
    });

    test('writes every Meet file, secrets readable only by root and the daemon\'s group', () => {
        expect(output.files.map(f => f.path).sort()).toEqual([
            '/etc/rc.d/jicofo', '/etc/rc.d/jvb', m.jicofo.configFile, `${m.web.configDir}/config.js`, `${m.web.configDir}/title.html`,
            m.jvb.configFile, m.jvb.rcFile, `${netbsdProfile.base.nginxConfDir}/sites/meet.conf`, m.prosody.configFile
        ].sort());
        expect(file(output, m.prosody.configFile)).toMatchObject({ mode: 0o640, group: 'prosody' });
        expect(file(output, m.jicofo.configFile)).toMatchObject({ mode: 0o640, group: 'jicofo' });
        expect(file(output, m.jvb.configFile)).toMatchObject({ mode: 0o640, group: 'jvb' });
        expect(file(output, '/etc/rc.d/jicofo').mode).toBe(0o555);
    });

    test('prosody.cfg.lua: LDAP login for hosts, guests anonymous, lobby, internal accounts, brewery', () => {
        const cfg = file(output, m.prosody.configFile).content;
        const auth = infra.servers[0].vms.find(vm => vm.host === 'hv1.auth')!;
        const rproxy = infra.servers[0].vms.find(vm => vm.host === 'hv1.rproxy')!;
        expect(cfg).toContain('VirtualHost "meet.acme.example"\n\t-- mod_auth_ldap');
        expect(cfg).toContain('\tauthentication = "ldap"\n');
        expect(cfg).toContain(`\tldap_server = "${auth.address}"\n`);
        expect(cfg).toContain('\tldap_rootdn = "uid=prosody,ou=system,dc=acme,dc=example"\n');
        expect(cfg).toContain('\tldap_base = "ou=people,dc=acme,dc=example"\n');
        expect(cfg).toContain('VirtualHost "guest.meet.acme.example"\n\tauthentication = "jitsi-anonymous"');
        expect(cfg).toContain('VirtualHost "auth.meet.acme.example"\n\tauthentication = "internal_hashed"');
        expect(cfg).toContain('\t\t"muc_lobby_rooms";\n');
        expect(cfg).toContain('Component "lobby.meet.acme.example" "muc"');
        expect(cfg).toContain('Component "internal.auth.meet.acme.example" "muc"');
        expect(cfg).toContain('Component "focus.meet.acme.example" "client_proxy"\n\ttarget_address = "focus@auth.meet.acme.example"');
        expect(cfg).toContain(`plugin_paths = { "${m.prosody.jitsiPluginDir}", "${m.prosody.communityPluginDir}" }`);
        expect(cfg).toContain(`trusted_proxies = { "127.0.0.1", "${rproxy.address}" }`);
        expect(cfg).toContain('consider_websocket_secure = true');
        expect(cfg).toContain(`certificate = "${netbsdProfile.base.tlsDir}/meet.acme.example.crt";`);
    });

    test.skipIf(!luac)(`prosody.cfg.lua compiles (${luac ?? 'luac missing: apt-get install lua5.4'})`, () => {
        const dir = tempDir('meet-luac-');
        const result = run(luac!, ['-p', writeTemp(dir, 'prosody.cfg.lua', file(output, m.prosody.configFile).content)]);
        expect(result.output).toBe('');
        expect(result.status).toBe(0);
    });

    test.skipIf(!hasCommand('prosodyctl'))('prosodyctl check config passes with Debian paths (skipped without prosody)', () => {
        const dir = tempDir('meet-prosody-');
        for (const sub of ['data', 'run', 'log', 'certs', 'plugins', 'community']) {
            writeTemp(dir, `${sub}/.keep`, '');
        }
        run('chown', ['-R', 'prosody', join(dir, 'data'), join(dir, 'run'), join(dir, 'log')]);
        run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=meet.acme.example',
            '-keyout', join(dir, 'certs/meet.key'), '-out', join(dir, 'certs/meet.crt')]);
        run('chmod', ['0644', join(dir, 'certs/meet.key')]);
        const tls = netbsdProfile.base.tlsDir;
        const cfg = file(output, m.prosody.configFile).content
            .replaceAll(m.prosody.dataDir, join(dir, 'data')).replaceAll(m.prosody.runDir, join(dir, 'run'))
            .replaceAll(m.prosody.logDir, join(dir, 'log'))
            .replaceAll(`${tls}/meet.acme.example.crt`, join(dir, 'certs/meet.crt')).replaceAll(`${tls}/meet.acme.example.key`, join(dir, 'certs/meet.key'))
            .replaceAll(m.prosody.jitsiPluginDir, join(dir, 'plugins')).replaceAll(m.prosody.communityPluginDir, join(dir, 'community'));
        const result = run('prosodyctl', ['--config', writeTemp(dir, 'prosody.cfg.lua', cfg), 'check', 'config']);
        expect(result.output).toContain('All checks passed');
        expect(result.status).toBe(0);
    });

    test('config.js parses and names the site\'s XMPP hosts and endpoints', () => {
        const text = file(output, `${m.web.configDir}/config.js`).content;
        const dir = tempDir('meet-configjs-');
        const check = run(process.execPath, ['--check', writeTemp(dir, 'config.js', text)]);
        expect(check.status, check.output).toBe(0);
        const sandbox: { config?: Record<string, unknown> } = {};
        runInNewContext(`${text}\nthis.config = config;`, sandbox);
        expect(sandbox.config).toMatchObject({
            hosts: {
                domain: 'meet.acme.example', anonymousdomain: 'guest.meet.acme.example',
                muc: 'conference.meet.acme.example', focus: 'focus.meet.acme.example'
            },
            bosh: 'https://meet.acme.example/http-bind',
            websocket: 'wss://meet.acme.example/xmpp-websocket',
            applicationName: 'ACME, Inc.',
            prejoinConfig: { enabled: true }
        });
    });

    test('jicofo.conf parses as HOCON: focus login, brewery, XMPP authentication for guests', async () => {
        const conf = await parseHocon(file(output, m.jicofo.configFile).content);
        const secrets = fixtureSecrets('acme');
        expect(conf).toMatchObject({
            jicofo: {
                authentication: { enabled: true, type: 'XMPP', 'login-url': 'meet.acme.example' },
                bridge: { 'brewery-jid': 'jvbbrewery@internal.auth.meet.acme.example' },
                xmpp: {
                    client: {
                        hostname: '127.0.0.1', domain: 'auth.meet.acme.example', username: 'focus',
                        password: secrets.password('meet:acme:focus'),
                        'conference-muc-jid': 'conference.meet.acme.example', 'client-proxy': 'focus.meet.acme.example'
                    }
                }
            }
        });
    });

    test('jvb.conf of the Meet\'s own bridge: loopback login, NAT mapping to the public address, UDP 10000', async () => {
        const conf = await parseHocon(file(output, m.jvb.configFile).content) as {
            videobridge: Record<string, Record<string, unknown>>, ice4j: { harvest: { mapping: Record<string, unknown> } }
        };
        expect(conf.videobridge.ice).toMatchObject({ udp: { port: 10000 } });
        expect(conf.videobridge.websockets).toMatchObject({ domain: 'meet.acme.example:443', tls: true, 'server-id': '10.0.0.16' });
        expect(conf.videobridge.apis).toMatchObject({
            'xmpp-client': { configs: { acme: { hostname: '127.0.0.1', username: 'jvb', muc_nickname: 'hv1.meet' } } }
        });
        expect(conf.ice4j.harvest.mapping['static-mappings']).toEqual([
            { 'local-address': '10.0.0.16', 'public-address': '203.0.113.10', name: 'companykit-nat' }
        ]);
    });

    test('nginx site: port 80, generated config.js, websockets with the shared upgrade map, colibri to the bridge', () => {
        const site = file(output, `${netbsdProfile.base.nginxConfDir}/sites/meet.conf`).content;
        expect(site).toContain('\tlisten 80;\n\tserver_name meet.acme.example;');
        expect(site).toContain(`\tlocation = /config.js {\n\t\talias ${m.web.configDir}/config.js;`);
        expect(site).toMatch(/location = \/xmpp-websocket \{\n\t\tproxy_pass http:\/\/127\.0\.0\.1:5280\/xmpp-websocket/);
        expect(site).toContain('proxy_set_header Connection $connection_upgrade;');
        expect(site).toContain('location ^~ /colibri-ws/10.0.0.16/ {\n\t\tproxy_pass http://10.0.0.16:9090;');
        expect(site).toContain('\tssi on;');
    });

    test.skipIf(!hasCommand('nginx'))('nginx -t accepts the site inside an http block with the map (skipped without nginx)', () => {
        const dir = tempDir('meet-nginx-');
        writeTemp(dir, 'sites/meet.conf', file(output, `${netbsdProfile.base.nginxConfDir}/sites/meet.conf`).content.replace('listen 80;', 'listen 18080;'));
        const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map(t => `${t}_temp_path ${dir}/${t};`).join(' ');
        const conf = writeTemp(dir, 'nginx.conf', `pid ${dir}/nginx.pid;\nerror_log ${dir}/error.log;\nevents { }\nhttp {\n`
            + `include /etc/nginx/mime.types;\naccess_log ${dir}/access.log;\n${temps}\n`
            + 'map $http_upgrade $connection_upgrade { default upgrade; \'\' close; }\n'
            + `include ${dir}/sites/*.conf;\n}\n`);
        const result = run('nginx', ['-t', '-c', conf, '-p', dir]);
        expect(result.output).toContain('test is successful');
    });

    test('rc.d scripts: rc.subr conventions, background start as the daemon user with a pidfile', () => {
        const jicofo = file(output, '/etc/rc.d/jicofo').content;
        expect(jicofo).toMatch(/# PROVIDE: jicofo\n# REQUIRE: DAEMON prosody\n# KEYWORD: shutdown\n/);
        expect(jicofo).toContain('rcvar=$name');
        expect(jicofo).toContain('su -m "$jicofo_user" -c "cd /var/db/jicofo && JAVA_SYS_PROPS=\'-Dconfig.file=/usr/pkg/etc/jitsi/jicofo/jicofo.conf ');
        expect(jicofo).toContain('nohup /usr/pkg/bin/jicofo >>/var/log/jitsi/jicofo.log 2>&1 </dev/null & echo \\$! >$pidfile"');
        expect(jicofo).toContain('run_rc_command "$1"');
        const jvb = file(output, '/etc/rc.d/jvb').content;
        expect(jvb).toContain('nohup /usr/pkg/bin/jvb --apis=, >>/var/log/jitsi/jvb.log');
        expect(file(output, m.jvb.rcFile).content).toContain('VIDEOBRIDGE_MAX_MEMORY=1600m');
    });

    test.skipIf(!hasCommand('shellcheck'))('rc.d scripts and the provision fragment pass shellcheck -s dash (skipped without shellcheck)', () => {
        const dir = tempDir('meet-sh-');
        for (const name of ['jicofo', 'jvb']) {
            const result = shellcheck(writeTemp(dir, name, file(output, `/etc/rc.d/${name}`).content, 0o755));
            expect(result.output).toBe('');
            expect(run('dash', ['-n', join(dir, name)]).status).toBe(0);
        }
        const fragment = shellcheck(writeTemp(dir, 'provision.sh', PROVISION_STUBS + output.provision!));
        expect(fragment.output).toBe('');
    });

    test('provision: users, the pinned mod_auth_ldap, idempotent account registration and roster subscription', () => {
        const p = output.provision!;
        const secrets = fixtureSecrets('acme');
        expect(p).toContain("ensure_user jicofo '/var/db/jicofo' jicofo");
        expect(p).toContain("ensure_user jvb '/var/db/jvb' jvb");
        expect(p).toContain("'https://hg.prosody.im/prosody-modules/raw-file/e099586f9de5/mod_auth_ldap/mod_auth_ldap.lua'");
        expect(p).toContain(`register focus auth.meet.acme.example '${secrets.password('meet:acme:focus')}'`);
        expect(p).toContain(`register jvb auth.meet.acme.example '${secrets.password('meet:acme:jvb')}'`);
        expect(p).toContain('mod_roster_command subscribe focus.meet.acme.example focus@auth.meet.acme.example');
        expect(p).toContain("ensure_certificate '/etc/openssl/companykit/meet.acme.example.crt' '/etc/openssl/companykit/meet.acme.example.key' 'meet.acme.example' prosody");
    });
});

describe('meet role without guests or lobby', () => {
    test('two-servers: no lobby component; its nginx also routes colibri to the bridge on the other server', async () => {
        const { output } = await renderFor('two-servers', 'north.meet');
        const cfg = file(output, m.prosody.configFile).content;
        expect(cfg).not.toContain('muc_lobby_rooms');
        expect(cfg).not.toContain('lobby.meet.umbrella.example');
        const site = file(output, `${netbsdProfile.base.nginxConfDir}/sites/meet.conf`).content;
        expect(site).toContain('location ^~ /colibri-ws/10.31.0.21/ {\n\t\tproxy_pass http://10.31.0.21:9090;');
        expect(site).toContain('videobridge on south.jvb2 (reachable only over a site-to-site link)');
    });

    test('title.html and config.js escape a brand with markup and quotes', async () => {
        const infra = await resolveExample('acme');
        const odd: Infrastructure = { ...infra, companies: infra.companies.map(c => ({ ...c, displayName: 'Smith & "Sons" <Co>' })) };
        const server = odd.servers[0];
        const vm = server.vms.find(v => v.host === 'hv1.meet')!;
        const output = renderMeet({ infra: odd, server, vm, profile: netbsdProfile, secrets: fixtureSecrets('acme') }, vm.roles[0]);
        expect(file(output, `${m.web.configDir}/title.html`).content).toContain('<title>Smith &amp; &quot;Sons&quot; &lt;Co&gt;</title>');
        expect(file(output, `${m.web.configDir}/config.js`).content).toContain('applicationName: "Smith & \\"Sons\\" <Co>",');
    });
});
