import { beforeAll, describe, expect, test } from 'vitest';
import type { RoleOutput } from '../../src/generator/guest-context.js';
import { renderVideobridge } from '../../src/generator/roles/videobridge.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import { fixtureSecrets, resolveExample, roleFile } from '../support/generation.js';
import { parseHocon } from './hocon-parse.js';

const jvb = netbsdProfile.meet.jvb;


describe('videobridge for north.meet on south.jvb2 (two-servers)', () => {
    let output: RoleOutput;
    beforeAll(async () => {
        const infra = await resolveExample('two-servers');
        const server = infra.servers.find(s => s.name === 'south')!;
        const vm = server.vms.find(v => v.name === 'jvb2')!;
        output = renderVideobridge({ infra, server, vm, profile: netbsdProfile, secrets: fixtureSecrets('two-servers') }, vm.roles[0]);
    });

    test('only bridge files: jvb.conf (secret: 0640 root:jvb), videobridge.rc and the rc.d script', () => {
        expect(output.files.map(f => f.path).sort()).toEqual([jvb.rcScript!, jvb.configFile, jvb.environmentFile!.path].sort());
        expect(roleFile(output, jvb.configFile)).toMatchObject({ mode: 0o640, owner: 'root', group: 'jvb' });
        expect(roleFile(output, jvb.rcScript!).mode).toBe(0o555);
    });

    test('jvb.conf: registers with the Meet\'s Prosody as jvb, own nickname, own server\'s address and forwarded port', async () => {
        const conf = await parseHocon(roleFile(output, jvb.configFile).content) as {
            videobridge: Record<string, Record<string, unknown>>, ice4j: { harvest: { mapping: Record<string, unknown> } }
        };
        expect(conf.videobridge.apis).toEqual({
            'xmpp-client': {
                configs: {
                    umbrella: {
                        hostname: '192.0.2.10', domain: 'auth.meet.umbrella.example', username: 'jvb',
                        password: fixtureSecrets('two-servers').password('meet:umbrella:jvb'),
                        muc_jids: 'jvbbrewery@internal.auth.meet.umbrella.example', muc_nickname: 'south.jvb2',
                        disable_certificate_verification: true
                    }
                }
            }
        });
        expect(conf.videobridge.ice).toMatchObject({ udp: { port: 10000 }, tcp: { enabled: false } });
        expect(conf.videobridge.websockets).toMatchObject({ domains: ['meet.umbrella.example:443'], 'server-id': '10.31.0.21' });
        expect(conf.videobridge['http-servers']).toEqual({ public: { host: '10.31.0.21', port: 9090 } });
        expect(conf.ice4j.harvest.mapping['static-mappings']).toEqual([
            { 'local-address': '10.31.0.21', 'public-address': '192.0.2.77', name: 'companykit-nat' }
        ]);
    });

    test('jvb.conf says why a bridge on another server cannot register yet', () => {
        expect(roleFile(output, jvb.configFile).content).toMatch(/# NOTE: north\.meet is on another server: .*192\.0\.2\.10:5222.*site-to-site link/);
    });

    test('its rc.d script has no prosody to wait for on this VM', () => {
        expect(roleFile(output, jvb.rcScript!).content).toMatch(/# PROVIDE: jvb\n# REQUIRE: DAEMON\n# KEYWORD: shutdown\n/);
        expect(roleFile(output, jvb.environmentFile!.path).content).toContain(`-Dconfig.file=${jvb.configFile}`);
    });
});

describe('videobridge beside the Meet on the same server', () => {
    test('logs in to the Meet VM\'s private address', async () => {
        const infra = await resolveExample('acme');
        const server = infra.servers[0];
        const meetVm = server.vms.find(v => v.host === 'hv1.meet')!;
        // An extra bridge on the git VM, with the next free port forwarded to it (as the port-forward table would).
        const gitVm = server.vms.find(v => v.host === 'hv1.git')!;
        const bridgeVm = { ...gitVm, roles: [{ role: 'videobridge' as const, relation: 'for' as const, from: 'hv1.meet', companies: ['acme'] }] };
        const media = server.forwards.find(f => f.vm === 'hv1.meet' && f.protocol === 'udp')!;
        const withBridge = {
            ...infra,
            servers: [{
                ...server, vms: server.vms.map(v => (v === gitVm ? bridgeVm : v)),
                forwards: [...server.forwards, { ...media, port: 10001, guestPort: 10001, vm: 'hv1.git', address: gitVm.address }]
            }]
        };
        const output = renderVideobridge({
            infra: withBridge, server: withBridge.servers[0], vm: bridgeVm, profile: netbsdProfile, secrets: fixtureSecrets('acme')
        }, bridgeVm.roles[0]);
        const conf = await parseHocon(roleFile(output, jvb.configFile).content) as { videobridge: { apis: unknown, ice: unknown } };
        expect(conf.videobridge.apis).toMatchObject({ 'xmpp-client': { configs: { acme: { hostname: meetVm.address, muc_nickname: 'hv1.git' } } } });
        expect(conf.videobridge.ice).toMatchObject({ udp: { port: 10001 } });
        expect(roleFile(output, jvb.configFile).content).not.toContain('# NOTE:');
    });
});
