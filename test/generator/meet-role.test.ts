import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, test } from 'vitest';
import { renderMeet } from '../../src/generator/roles/meet.js';
import type { RoleOutput } from '../../src/generator/guest-context.js';
import type { Infrastructure } from '../../src/model/infrastructure.js';
import { debianProfile } from '../../src/platform/debian.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import type { PlatformProfile } from '../../src/platform/profile.js';
import { fixtureSecrets, resolveExample, roleFile } from '../support/generation.js';
import { parseHocon } from './hocon-parse.js';

const m = netbsdProfile.meet;

/**
 * The meet role's rendering. The real checkers (prosodyctl, luac, node --check, the HOCON parse with
 * key assertions, nginx -t, dash and shellcheck) run over whole generated trees in test/configs.
 */

async function renderFor(example: string, host: string, profile: PlatformProfile = netbsdProfile): Promise<{ infra: Infrastructure, output: RoleOutput }> {
    const infra = await resolveExample(example);
    const server = infra.servers.find(s => s.vms.some(vm => vm.host === host))!;
    const vm = server.vms.find(v => v.host === host)!;
    const role = vm.roles.find(r => r.role === 'meet')!;
    return { infra, output: renderMeet({ infra, server, vm, profile, secrets: fixtureSecrets(example) }, role) };
}


describe('meet role on acme (hv1.meet)', () => {
    let output: RoleOutput;
    let infra: Infrastructure;
    beforeAll(async () => {
        ({ infra, output } = await renderFor('acme', 'hv1.meet'));
    });

    test('writes every Meet file, secrets readable only by root and the daemon\'s group', () => {
        expect(output.files.map(f => f.path).sort()).toEqual([
            '/etc/rc.d/jicofo', '/etc/rc.d/jvb', m.jicofo.configFile, `${m.web.configDir}/config.js`, `${m.web.configDir}/title.html`,
            m.jvb.configFile, m.jvb.environmentFile!.path, `${netbsdProfile.base.nginxConfDir}/sites/meet.conf`, m.prosody.configFile
        ].sort());
        expect(roleFile(output, m.prosody.configFile)).toMatchObject({ mode: 0o640, group: 'prosody' });
        expect(roleFile(output, m.jicofo.configFile)).toMatchObject({ mode: 0o640, group: 'jicofo' });
        expect(roleFile(output, m.jvb.configFile)).toMatchObject({ mode: 0o640, group: 'jvb' });
        expect(roleFile(output, '/etc/rc.d/jicofo').mode).toBe(0o555);
    });

    test('prosody.cfg.lua: LDAP login for hosts, guests anonymous, lobby, internal accounts, brewery', () => {
        const cfg = roleFile(output, m.prosody.configFile).content;
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

    test('config.js names the site\'s XMPP hosts and endpoints', () => {
        const text = roleFile(output, `${m.web.configDir}/config.js`).content;
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
        const conf = await parseHocon(roleFile(output, m.jicofo.configFile).content);
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
        const conf = await parseHocon(roleFile(output, m.jvb.configFile).content) as {
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
        const site = roleFile(output, `${netbsdProfile.base.nginxConfDir}/sites/meet.conf`).content;
        expect(site).toContain('\tlisten 80;\n\tserver_name meet.acme.example;');
        expect(site).toContain(`\tlocation = /config.js {\n\t\talias ${m.web.configDir}/config.js;`);
        expect(site).toMatch(/location = \/xmpp-websocket \{\n\t\tproxy_pass http:\/\/127\.0\.0\.1:5280\/xmpp-websocket/);
        expect(site).toContain('proxy_set_header Connection $connection_upgrade;');
        expect(site).toContain('location ^~ /colibri-ws/10.0.0.16/ {\n\t\tproxy_pass http://10.0.0.16:9090;');
        expect(site).toContain('\tssi on;');
    });

    test('rc.d scripts: rc.subr conventions, background start as the daemon user with a pidfile', () => {
        const jicofo = roleFile(output, '/etc/rc.d/jicofo').content;
        expect(jicofo).toMatch(/# PROVIDE: jicofo\n# REQUIRE: DAEMON prosody\n# KEYWORD: shutdown\n/);
        expect(jicofo).toContain('rcvar=$name');
        expect(jicofo).toContain('su -m "$jicofo_user" -c "cd /var/db/jicofo && JAVA_SYS_PROPS=\'-Dconfig.file=/usr/pkg/etc/jitsi/jicofo/jicofo.conf ');
        expect(jicofo).toContain('nohup /usr/pkg/bin/jicofo >>/var/log/jitsi/jicofo.log 2>&1 </dev/null & echo \\$! >$pidfile"');
        expect(jicofo).toContain('run_rc_command "$1"');
        const jvb = roleFile(output, '/etc/rc.d/jvb').content;
        expect(jvb).toContain('nohup /usr/pkg/bin/jvb --apis=, >>/var/log/jitsi/jvb.log');
        expect(roleFile(output, m.jvb.environmentFile!.path).content).toContain('VIDEOBRIDGE_MAX_MEMORY=1600m');
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
        const cfg = roleFile(output, m.prosody.configFile).content;
        expect(cfg).not.toContain('muc_lobby_rooms');
        expect(cfg).not.toContain('lobby.meet.umbrella.example');
        const site = roleFile(output, `${netbsdProfile.base.nginxConfDir}/sites/meet.conf`).content;
        expect(site).toContain('location ^~ /colibri-ws/10.31.0.21/ {\n\t\tproxy_pass http://10.31.0.21:9090;');
        expect(site).toContain('videobridge on south.jvb2 (reachable only over a site-to-site link)');
    });

    test('title.html and config.js escape a brand with markup and quotes', async () => {
        const infra = await resolveExample('acme');
        const odd: Infrastructure = { ...infra, companies: infra.companies.map(c => ({ ...c, displayName: 'Smith & "Sons" <Co>' })) };
        const server = odd.servers[0];
        const vm = server.vms.find(v => v.host === 'hv1.meet')!;
        const output = renderMeet({ infra: odd, server, vm, profile: netbsdProfile, secrets: fixtureSecrets('acme') }, vm.roles[0]);
        expect(roleFile(output, `${m.web.configDir}/title.html`).content).toContain('<title>Smith &amp; &quot;Sons&quot; &lt;Co&gt;</title>');
        expect(roleFile(output, `${m.web.configDir}/config.js`).content).toContain('applicationName: "Smith & \\"Sons\\" <Co>",');
    });
});

describe('meet role on Debian (Jitsi\'s own packages ship the services)', () => {
    const d = debianProfile.meet;
    let output: RoleOutput;
    beforeAll(async () => {
        ({ output } = await renderFor('acme', 'hv1.meet', debianProfile));
    });

    test('no rc.d scripts: the variables files the packages\' services read instead', () => {
        expect(output.files.map(f => f.path).sort()).toEqual([
            d.jicofo.configFile, '/etc/jitsi/jicofo/config', `${d.web.configDir}/config.js`, `${d.web.configDir}/title.html`,
            d.jvb.configFile, '/etc/jitsi/videobridge/config', `${debianProfile.base.nginxConfDir}/sites/meet.conf`, d.prosody.configFile
        ].sort());
        expect(output.files.some(f => /\/(rc|init)\.d\//.test(f.path))).toBe(false);
    });

    test('/etc/jitsi/videobridge/config: JVB_OPTS for the unit\'s ExecStart, the JVM properties and heap', () => {
        expect(roleFile(output, '/etc/jitsi/videobridge/config').content).toBe(
            '# Read by jitsi-videobridge2.service (EnvironmentFile=) before it starts the JVM: generated by CompanyKit.\n'
            + '# The launcher\'s arguments (/usr/share/jitsi-videobridge/jvb.sh).\n'
            + 'JVB_OPTS="--apis=,"\n'
            + 'JAVA_SYS_PROPS="-Dconfig.file=/etc/jitsi/videobridge/jvb.conf -Dnet.java.sip.communicator.SC_HOME_DIR_LOCATION=/etc/jitsi '
            + '-Dnet.java.sip.communicator.SC_HOME_DIR_NAME=videobridge -Dnet.java.sip.communicator.SC_LOG_DIR_LOCATION=/var/log/jitsi '
            + '-Djava.util.logging.config.file=/etc/jitsi/videobridge/logging.properties"\n'
            + 'VIDEOBRIDGE_MAX_MEMORY=1600m\n');
    });

    test('/etc/jitsi/jicofo/config: what the package\'s init script passes jicofo.sh', () => {
        const config = roleFile(output, '/etc/jitsi/jicofo/config').content;
        expect(config).toContain('JICOFO_OPTS=""\n');
        expect(config).toContain('JAVA_SYS_PROPS="-Dconfig.file=/etc/jitsi/jicofo/jicofo.conf ');
        expect(config).toMatch(/^JICOFO_MAX_MEMORY=\d+m$/m);
    });

    test('provision: the package\'s users (group jitsi) and /var/log/jitsi as its postinst leaves it', () => {
        expect(output.provision).toContain("ensure_user jicofo '/usr/share/jicofo' jitsi");
        expect(output.provision).toContain("ensure_user jvb '/usr/share/jitsi-videobridge' jitsi");
        expect(output.provision).toContain("ensure_dir '/var/log/jitsi' jvb:jitsi 0770");
    });
});
