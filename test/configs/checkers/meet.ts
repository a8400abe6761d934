import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { runInNewContext } from 'node:vm';
import type { GeneratedFile } from '../../../src/generator/file-set.js';
import { MOD_AUTH_LDAP } from '../../../src/model/meet-prosody-modules.js';
import { findingFrom, runTool, type Checker, type Finding } from '../support/checker.js';
import { treePath, type HostTree } from '../support/config-tree.js';
import { bundledProsodyModules, JITSI_PROSODY_MODULES, loadedModules, pluginPaths, prepareProsody, prosodyHosts } from './meet-prosody.js';

/**
 * Jitsi Meet's files: prosody.cfg.lua through Debian's prosodyctl (its daemon's own checker) and
 * luac; config.js, jicofo.conf and jvb.conf by syntax only, because jicofo, the videobridge and the
 * web UI are not in Debian (node parses config.js, @pushcorn/hocon-parser the HOCON files), plus
 * assertions on the keys each daemon reads and on their agreement with Prosody's hosts.
 */

const fileAt = (host: HostTree, path: string | undefined): GeneratedFile[] =>
    path === undefined ? [] : host.files.filter(f => treePath(host, f) === path);

const prosodyConfig = (host: HostTree): GeneratedFile[] => fileAt(host, host.profile.meet.prosody.configFile);

// ---------------------------------------------------------------- prosody

/**
 * `prosodyctl check config` with the certificate pair provision.sh creates and the directories the
 * package ships, inside the tree. Prosody does not flag unknown modules or misspelt options (only
 * misplaced and obsolete ones), so every module the config loads is also looked up: bundled with
 * Debian's prosody, Jitsi's (jitsi-meet-prosody) or mod_auth_ldap (fetched by provision.sh), each
 * from a plugin_paths directory of the profile.
 */
export const prosodyctlCheck: Checker = {
    name: 'prosodyctl check config',
    kind: 'daemon',
    tools: ['prosodyctl'],
    claims: prosodyConfig,
    check(host, files) {
        const file = files[0];
        prepareProsody(host, file);
        const run = runTool('prosodyctl', ['--config', treePath(host, file), 'check', 'config']);
        const findings: Finding[] = [];
        // certmanager errors (a missing key) are logged but still "pass": they fail here.
        if (run.status !== 0 || !/All checks passed/.test(run.output) || /\berror\b/i.test(run.output)) {
            findings.push(findingFrom(host, file, run));
        }
        return [...findings, ...moduleFindings(host, file)];
    },
    negativeControl: {
        pick: file => file.path.endsWith('/prosody.cfg.lua'),
        breakContent: content => content.replace('modules_disabled = { "s2s" }', 'modules_disabled = { "s2s"'),
        expect: /'}' expected \(to close '\{' at line \d+\)/
    }
};

function moduleFindings(host: HostTree, file: GeneratedFile): Finding[] {
    const content = readFileSync(treePath(host, file), 'utf-8');
    const { jitsiPluginDir, communityPluginDir } = host.profile.meet.prosody;
    const paths = pluginPaths(content);
    const bundled = bundledProsodyModules();
    const problems: string[] = paths.filter(p => p !== jitsiPluginDir && p !== communityPluginDir)
        .map(p => `plugin_paths names ${p}, which is neither the profile's Jitsi plugin directory nor its community module directory`);
    for (const { name, line } of loadedModules(content)) {
        // provision.sh fetches mod_auth_ldap (pkgsrc's prosody lacks it; Debian's happens to ship one).
        if (name !== MOD_AUTH_LDAP.name && bundled.has(name)) {
            continue;
        }
        const from = name === MOD_AUTH_LDAP.name ? communityPluginDir : JITSI_PROSODY_MODULES.has(name) ? jitsiPluginDir : undefined;
        if (from === undefined) {
            problems.push(`line ${line}: mod_${name} is neither Prosody's nor jitsi-meet-prosody's nor fetched by provision.sh: Prosody would fail to load it at runtime`);
        } else if (!paths.includes(from)) {
            problems.push(`line ${line}: mod_${name} comes from ${from}, which is not on plugin_paths`);
        }
    }
    return problems.map(message => findingFrom(host, file, message));
}

/** `luac -p` (Lua 5.4, prosody's language): every generated Lua file compiles. */
export const luacSyntax: Checker = {
    name: 'luac -p',
    kind: 'syntax',
    tools: ['luac5.4'],
    claims: host => host.files.filter(f => f.path.endsWith('.lua')),
    check(host, files) {
        return files.flatMap(file => {
            const run = runTool('luac5.4', ['-p', treePath(host, file)]);
            return run.status === 0 && run.output === '' ? [] : [findingFrom(host, file, run)];
        });
    },
    negativeControl: {
        pick: file => file.path.endsWith('.lua'),
        breakContent: content => content.replace('modules_disabled = { "s2s" }', 'modules_disabled = { "s2s"'),
        expect: /'}' expected \(to close '\{' at line \d+\)/
    }
};

// ---------------------------------------------------------------- config.js

/** Jitsi's config.js: `node --check`, then `config` evaluated in a sandbox and its keys asserted. */
export const nodeCheck: Checker = {
    name: 'node --check',
    kind: 'syntax',
    tools: [],
    claims: host => fileAt(host, `${host.profile.meet.web.configDir}/config.js`),
    check(host, files) {
        return files.flatMap(file => {
            const run = runTool(process.execPath, ['--check', treePath(host, file)]);
            if (run.status !== 0) {
                return [findingFrom(host, file, run)];
            }
            return configJsProblems(host, readFileSync(treePath(host, file), 'utf-8')).map(message => findingFrom(host, file, message));
        });
    },
    negativeControl: {
        pick: file => file.path.endsWith('/config.js'),
        breakContent: content => content.replace(/\n\};\s*$/, '\n'),
        expect: /SyntaxError/
    }
};

function configJsProblems(host: HostTree, text: string): string[] {
    const sandbox: { config?: Record<string, unknown> } = {};
    try {
        runInNewContext(`${text}\nthis.config = config;`, sandbox, { timeout: 1000 });
    } catch (error) {
        return [`config.js does not evaluate: ${(error as Error).message}`];
    }
    const config = sandbox.config ?? {};
    const problems = requireKeys(config, ['hosts.domain', 'hosts.muc', 'hosts.focus', 'bosh', 'websocket']);
    const prosody = prosodyOf(host);
    if (prosody !== undefined) {
        problems.push(...expectHost(prosody.virtualHosts, get(config, 'hosts.domain'), 'hosts.domain', 'a VirtualHost'));
        problems.push(...expectHost(prosody.components.get('muc') ?? [], get(config, 'hosts.muc'), 'hosts.muc', 'a "muc" Component'));
        problems.push(...expectHost(prosody.components.get('client_proxy') ?? [], get(config, 'hosts.focus'), 'hosts.focus', 'a "client_proxy" Component'));
        const guest = get(config, 'hosts.anonymousdomain');
        if (guest !== undefined) {
            problems.push(...expectHost(prosody.virtualHosts, guest, 'hosts.anonymousdomain', 'a VirtualHost'));
        }
    }
    for (const [key, scheme] of [['bosh', 'https:'], ['websocket', 'wss:']] as const) {
        const url = get(config, key);
        if (typeof url === 'string' && !url.startsWith(`${scheme}//`)) {
            problems.push(`${key} is ${url}: the browser reaches it through the proxy's TLS (${scheme})`);
        }
    }
    return problems;
}

// ---------------------------------------------------------------- HOCON

const require = createRequire(import.meta.url);
type HoconParse = (options: { text: string, strict: boolean }) => Promise<Record<string, unknown>>;
const parseHocon = require('@pushcorn/hocon-parser') as HoconParse;

/** jicofo.conf and jvb.conf: a strict HOCON parse, then the keys each daemon needs. */
export const hoconParse: Checker = {
    name: 'HOCON strict parse (jicofo.conf, jvb.conf)',
    kind: 'syntax',
    tools: [],
    claims: host => [...fileAt(host, host.profile.meet.jicofo.configFile), ...fileAt(host, host.profile.meet.jvb.configFile)],
    async check(host, files) {
        const findings: Finding[] = [];
        for (const file of files) {
            let conf: Record<string, unknown>;
            try {
                conf = await parseHocon({ text: readFileSync(treePath(host, file), 'utf-8'), strict: true });
            } catch (error) {
                findings.push(findingFrom(host, file, `ERR ${(error as Error).message}`));
                continue;
            }
            const problems = treePath(host, file) === host.profile.meet.jicofo.configFile ? jicofoProblems(host, conf) : jvbProblems(host, conf);
            findings.push(...problems.map(message => findingFrom(host, file, message)));
        }
        return findings;
    },
    negativeControl: {
        pick: file => file.path.endsWith('/jicofo.conf'),
        // The outermost object left open.
        breakContent: content => content.replace(/\}\s*$/, ''),
        expect: /The object is not closed/
    }
};

function jicofoProblems(host: HostTree, conf: Record<string, unknown>): string[] {
    const client = 'jicofo.xmpp.client';
    const problems = requireKeys(conf, [`${client}.hostname`, `${client}.port`, `${client}.domain`, `${client}.xmpp-domain`, `${client}.username`,
        `${client}.password`, `${client}.conference-muc-jid`, `${client}.client-proxy`, 'jicofo.bridge.brewery-jid']);
    const prosody = prosodyOf(host);
    if (prosody !== undefined) {
        const muc = prosody.components.get('muc') ?? [];
        problems.push(...expectHost(prosody.virtualHosts, get(conf, `${client}.domain`), `${client}.domain`, 'a VirtualHost'));
        problems.push(...expectHost(prosody.virtualHosts, get(conf, `${client}.xmpp-domain`), `${client}.xmpp-domain`, 'a VirtualHost'));
        problems.push(...expectHost(muc, get(conf, `${client}.conference-muc-jid`), `${client}.conference-muc-jid`, 'a "muc" Component'));
        problems.push(...expectHost(prosody.components.get('client_proxy') ?? [], get(conf, `${client}.client-proxy`), `${client}.client-proxy`, 'a "client_proxy" Component'));
        problems.push(...expectHost(muc, domainOf(get(conf, 'jicofo.bridge.brewery-jid')), 'jicofo.bridge.brewery-jid', 'on a "muc" Component'));
    }
    return problems;
}

/**
 * jvb.conf: one XMPP login per Meet, websockets for Colibri, and the NAT mapping and media port that
 * must match the server: the VM's address, the server's public IPv4 and the UDP port forwarded to it.
 */
function jvbProblems(host: HostTree, conf: Record<string, unknown>): string[] {
    const problems = requireKeys(conf, ['videobridge.apis.xmpp-client.configs', 'videobridge.ice.udp.port', 'videobridge.websockets.server-id',
        'videobridge.http-servers.public.host', 'videobridge.http-servers.public.port', 'ice4j.harvest.mapping.static-mappings']);
    const configs = get(conf, 'videobridge.apis.xmpp-client.configs');
    for (const [id, login] of Object.entries(isObject(configs) ? configs : {})) {
        problems.push(...requireKeys(isObject(login) ? login : {}, ['hostname', 'domain', 'username', 'password', 'muc_jids', 'muc_nickname'])
            .map(p => `videobridge.apis.xmpp-client.configs.${id}: ${p}`));
    }
    const vm = host.vm;
    if (vm !== undefined) {
        const media = host.server.forwards.filter(f => f.vm === vm.host && f.protocol === 'udp').map(f => f.guestPort);
        const port = get(conf, 'videobridge.ice.udp.port');
        if (!media.includes(port as number)) {
            problems.push(`videobridge.ice.udp.port is ${String(port)}, but the server forwards UDP ${media.join(', ') || 'nothing'} to ${vm.host}`);
        }
        const mappings = get(conf, 'ice4j.harvest.mapping.static-mappings');
        const nat = Array.isArray(mappings) ? mappings.filter(isObject) : [];
        if (!nat.some(m => m['local-address'] === vm.address && m['public-address'] === host.server.publicIpv4)) {
            problems.push(`ice4j.harvest.mapping.static-mappings lacks ${vm.address} -> ${host.server.publicIpv4} (the VM's address and the server's public IPv4)`);
        }
        if (get(conf, 'videobridge.http-servers.public.host') !== vm.address) {
            problems.push(`videobridge.http-servers.public.host is not the VM's address ${vm.address}: the Meet's nginx proxies Colibri websockets there`);
        }
    }
    return problems;
}

// ---------------------------------------------------------------- helpers

function prosodyOf(host: HostTree): ReturnType<typeof prosodyHosts> | undefined {
    const path = host.profile.meet.prosody.configFile;
    return existsSync(path) && prosodyConfig(host).length > 0 ? prosodyHosts(readFileSync(path, 'utf-8')) : undefined;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A dotted key of a parsed object (`jicofo.xmpp.client.domain`); keys themselves contain dashes, not dots. */
function get(value: unknown, key: string): unknown {
    return key.split('.').reduce<unknown>((at, part) => (isObject(at) ? at[part] : undefined), value);
}

function requireKeys(value: unknown, keys: readonly string[]): string[] {
    return keys.filter(key => {
        const found = get(value, key);
        return found === undefined || found === null || found === '';
    }).map(key => `${key} is missing or empty`);
}

function expectHost(hosts: readonly string[], value: unknown, key: string, what: string): string[] {
    return typeof value === 'string' && !hosts.includes(value) ? [`${key} = ${value} is not ${what} of prosody.cfg.lua (${hosts.join(', ') || 'none'})`] : [];
}

const domainOf = (jid: unknown): unknown => (typeof jid === 'string' ? jid.slice(jid.indexOf('@') + 1) : jid);
