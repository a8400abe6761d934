import { describe, expect, test } from 'vitest';
import { debian } from '../../src/platform/debian.js';
import { netbsd } from '../../src/platform/netbsd.js';
import type { Platform } from '../../src/platform/profile.js';

/**
 * `generate --root` moves every host-local path of a profile under `<root>/<host>` and leaves system
 * files alone. These tests walk the profiles: a path that is host-local on one platform is
 * host-local on the other, and the system paths are exactly the files the product never writes.
 */

const ROOT = '/ROOT/host';

/** Every absolute path value of a profile by its key (`mail.postfix.configDir`); commands and PATH lists are not paths. */
function pathValues(value: unknown, key = ''): Map<string, string> {
    const found = new Map<string, string>();
    if (typeof value === 'string') {
        if (value.startsWith('/') && !/[\s:]/.test(value)) {
            found.set(key, value);
        }
    } else if (value !== null && typeof value === 'object') {
        for (const [name, inner] of Object.entries(value)) {
            for (const [k, v] of pathValues(inner, key === '' ? name : `${key}.${name}`)) {
                found.set(k, v);
            }
        }
    }
    return found;
}

function classify(platform: Platform): { local: Set<string>, system: Set<string> } {
    const rooted = pathValues(platform.profile(p => ROOT + p));
    const plain = pathValues(platform.profile(p => p));
    const local = new Set<string>();
    const system = new Set<string>();
    for (const [key, value] of rooted) {
        if (value === ROOT + plain.get(key)) {
            local.add(key);
        } else {
            expect(value, `${platform.name} ${key}`).toBe(plain.get(key));
            system.add(key);
        }
    }
    return { local, system };
}

describe('profiles under --root', () => {
    const platforms = [netbsd, debian];

    test.each(platforms.map(p => [p.name, p] as const))('%s: system files keep their paths, everything the product writes or runs moves', (_name, platform) => {
        const { local, system } = classify(platform);
        for (const key of ['directory.schemaDir', 'directory.modulePath', 'base.nginxMimeTypes', 'base.prefix', 'mail.postfix.daemonDir',
            'web.roundcube.codeDir', 'meet.prosody.jitsiPluginDir', 'hypervisor.qemuBinary']) {
            expect(system, key).toContain(key);
        }
        for (const key of ['directory.slapdConf', 'directory.dataDir', 'dns.namedConf', 'mail.postfix.queueDir', 'mail.opendkim.keysDir',
            'base.tlsDir', 'base.provisionDir', 'base.hostsFile', 'web.mariadb.socket', 'meet.prosody.dataDir', 'hypervisor.npfConf']) {
            expect(local, key).toContain(key);
        }
    });

    test('a path the product writes on one platform is written on the other too (no forgotten local())', () => {
        const a = classify(netbsd);
        const b = classify(debian);
        const both = [...a.local, ...a.system].filter(key => b.local.has(key) || b.system.has(key));
        const disagreements = both.filter(key => a.local.has(key) !== b.local.has(key))
            .map(key => `${key}: ${a.local.has(key) ? 'host-local on netbsd' : 'system on netbsd'}, ${b.local.has(key) ? 'host-local' : 'system'} on debian`);
        // Gitea's static root is pkgsrc's share directory on NetBSD, but its work directory (state) on
        // Debian, where Gitea is a bare binary with its assets built in.
        expect(disagreements.filter(d => !d.startsWith('web.gitea.staticRoot:'))).toEqual([]);
    });
});
