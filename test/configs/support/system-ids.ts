import { execFileSync } from 'node:child_process';
import { chownSync } from 'node:fs';

/**
 * Users and groups of this machine, for giving files in a test tree the owners provision.sh or a
 * package would give them on a host. Each lookup runs once.
 */

/** `user`: its uid; `group`: that group's gid; `primaryGroupOf`: the user's primary gid. */
export type IdKind = 'user' | 'group' | 'primaryGroupOf';

const ids = new Map<string, number | undefined>();

/** The id, or undefined when the user or group does not exist here (e.g. vmail, which no package creates). */
export function systemId(kind: IdKind, name: string): number | undefined {
    const key = `${kind}:${name}`;
    if (!ids.has(key)) {
        ids.set(key, lookUp(kind, name));
    }
    return ids.get(key);
}

/** The id, or an error naming what is missing (for users a Debian package is known to create). */
export function requireSystemId(kind: IdKind, name: string): number {
    const id = systemId(kind, name);
    if (id === undefined) {
        throw new Error(`no ${kind === 'group' ? 'group' : 'user'} ${name} on this machine: install the Debian package that creates it`);
    }
    return id;
}

function lookUp(kind: IdKind, name: string): number | undefined {
    const options = { encoding: 'utf-8' as const, stdio: ['ignore', 'pipe', 'ignore'] as ['ignore', 'pipe', 'ignore'] };
    try {
        const out = kind === 'group'
            ? execFileSync('getent', ['group', name], options).split(':')[2]
            : execFileSync('id', [kind === 'user' ? '-u' : '-g', name], options);
        return Number(out.trim());
    } catch {
        return undefined;
    }
}

/**
 * chown (`-R` when recursive) as root when the user and group exist here; a non-root run keeps its
 * own files, and a missing user (one only provision.sh would create) leaves the file root's.
 */
export function own(target: string, user: string, group: string, recursive = false): void {
    if (process.getuid?.() !== 0) {
        return;
    }
    const uid = systemId('user', user);
    const gid = systemId('group', group);
    if (uid === undefined || gid === undefined) {
        return;
    }
    if (recursive) {
        execFileSync('chown', ['-R', `${uid}:${gid}`, target]);
    } else {
        chownSync(target, uid, gid);
    }
}
