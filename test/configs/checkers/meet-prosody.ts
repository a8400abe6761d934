import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type { GeneratedFile } from '../../../src/generator/file-set.js';
import { createProvisionedCertificates } from '../support/provisioned-certificates.js';
import { requireSystemId } from '../support/system-ids.js';
import { treePath, type HostTree } from '../support/config-tree.js';

/** What the prosody checker reads from prosody.cfg.lua, and the runtime it prepares in the tree. */

/**
 * jitsi-meet-prosody's modules the generated configs load (jitsi-meet's resources/prosody-plugins,
 * installed to the profile's jitsiPluginDir): not in Debian, so they cannot be loaded here, only
 * required to come from that directory.
 */
export const JITSI_PROSODY_MODULES: ReadonlySet<string> = new Set([
    'client_proxy', 'muc_lobby_rooms', 'muc_breakout_rooms', 'muc_meeting_id', 'polls', 'speakerstats', 'speakerstats_component',
    'conference_duration', 'conference_duration_component', 'av_moderation', 'av_moderation_component', 'auth_jitsi-anonymous',
    'roster_command'
]);

/** Debian's prosody modules: `mod_x.lua`, `mod_x/` and `x/mod_x.lua` under /usr/lib/prosody/modules. */
export function bundledProsodyModules(dir = '/usr/lib/prosody/modules'): Set<string> {
    const names = new Set<string>();
    for (const entry of readdirSync(dir)) {
        const match = /^mod_(.+?)(\.lua)?$/.exec(entry);
        if (match !== null) {
            names.add(match[1]);
        } else if (existsSync(path.join(dir, entry, `mod_${entry}.lua`))) {
            names.add(entry);
        }
    }
    return names;
}

const lineOf = (content: string, index: number): number => content.slice(0, index).split('\n').length;

/** The strings of `plugin_paths = { "a", "b" }`. */
export function pluginPaths(content: string): string[] {
    const list = /^plugin_paths\s*=\s*\{([^}]*)\}/m.exec(content)?.[1] ?? '';
    return [...list.matchAll(/"([^"]*)"/g)].map(m => m[1]);
}

/**
 * Every module the config makes Prosody load, with its line: modules_enabled entries (global and
 * per host), Component modules, `authentication = "x"` (mod_auth_x), `storage = "x"` (mod_storage_x).
 */
export function loadedModules(content: string): { name: string, line: number }[] {
    const found: { name: string, line: number }[] = [];
    for (const block of content.matchAll(/\bmodules_enabled\s*=\s*\{([^}]*)\}/g)) {
        for (const entry of block[1].matchAll(/"([^"]+)"/g)) {
            found.push({ name: entry[1], line: lineOf(content, block.index + block[0].indexOf(entry[0])) });
        }
    }
    for (const match of content.matchAll(/^Component\s+"[^"]+"\s+"([^"]+)"/gm)) {
        found.push({ name: match[1], line: lineOf(content, match.index) });
    }
    for (const match of content.matchAll(/^\s*(authentication|storage)\s*=\s*"([^"]+)"/gm)) {
        found.push({ name: `${match[1] === 'authentication' ? 'auth' : 'storage'}_${match[2]}`, line: lineOf(content, match.index) });
    }
    return found;
}

/** VirtualHosts, and Components by module (`muc`, `client_proxy`…). */
export function prosodyHosts(content: string): { virtualHosts: string[], components: Map<string, string[]> } {
    const virtualHosts = [...content.matchAll(/^VirtualHost\s+"([^"]+)"/gm)].map(m => m[1]);
    const components = new Map<string, string[]>();
    for (const match of content.matchAll(/^Component\s+"([^"]+)"(?:\s+"([^"]+)")?/gm)) {
        const module = match[2] ?? 'component';
        components.set(module, [...components.get(module) ?? [], match[1]]);
    }
    return { virtualHosts, components };
}

/**
 * What prosodyctl needs besides the config, created in the tree as on a host: the certificate pair
 * provision.sh makes (key root:prosody 0640, readable by the user prosodyctl drops to), the certs
 * directory and the data, log and run directories the package ships owned by prosody.
 */
export function prepareProsody(host: HostTree, file: GeneratedFile): void {
    const p = host.profile.meet.prosody;
    const config = treePath(host, file);
    for (const dir of [p.dataDir, p.logDir, p.runDir]) {
        mkdirSync(dir, { recursive: true });
        own(dir, p.user, p.group, 0o750);
    }
    mkdirSync(path.join(path.dirname(config), 'certs'), { recursive: true });
    createProvisionedCertificates(host);
}

function own(target: string, user: string, group: string, mode: number): void {
    chmodSync(target, mode);
    if (process.getuid?.() === 0) {
        chownSync(target, requireSystemId('user', user), requireSystemId('group', group));
    }
}

