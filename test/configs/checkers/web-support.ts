import { chownSync, mkdirSync, readFileSync } from 'node:fs';
import type { GeneratedFile } from '../../../src/generator/file-set.js';
import type { Finding } from '../support/checker.js';
import { treePath, type HostTree } from '../support/config-tree.js';
import { requireSystemId } from '../support/system-ids.js';

/**
 * Shared by the web checkers: the rooted profile's paths turned back into on-host paths (the keys of
 * `host.files`), and the runtime prerequisites a package or provision.sh would create on a real
 * guest (log, temp and run directories, self-signed certificates), made inside the host's tree.
 */

/** `/…/acme/hv1.cloud/etc/nginx` → `/etc/nginx`; a system path (not in the tree) is returned as is. */
export function onHost(host: HostTree, rooted: string): string {
    return rooted.startsWith(`${host.dir}/`) ? rooted.slice(host.dir.length) : rooted;
}

/** The host's generated file at a rooted profile path, if it has one. */
export function fileAt(host: HostTree, rooted: string): GeneratedFile | undefined {
    const wanted = onHost(host, rooted);
    return host.files.find(f => f.path === wanted);
}

/** The host's generated files below a rooted profile directory. */
export function filesUnder(host: HostTree, rootedDir: string): GeneratedFile[] {
    const prefix = `${onHost(host, rootedDir)}/`;
    return host.files.filter(f => f.path.startsWith(prefix));
}

/** Directories the package would have created (rooted paths, inside the tree only), owned by `user` if given. */
export function ensureTreeDirs(host: HostTree, rootedDirs: readonly string[], user?: string): void {
    for (const dir of rootedDirs) {
        if (!dir.startsWith(`${host.dir}/`)) {
            throw new Error(`${host.host}: ${dir} is outside the host's tree`);
        }
        mkdirSync(dir, { recursive: true, mode: 0o755 });
        if (user !== undefined) {
            chownSync(dir, requireSystemId('user', user), requireSystemId('primaryGroupOf', user));
        }
    }
}

/** The rooted file named in a program's message (`… in /x/etc/nginx/sites/a.conf:28`) as an on-host path and line. */
export function fileAndLineIn(host: HostTree, message: string): { file?: string, line?: number } {
    const escaped = host.dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const match = new RegExp(`${escaped}(/[^\\s:\\]'"]+)(?::(\\d+)| at line (\\d+)| on line (\\d+))?`).exec(message);
    if (!match) {
        return {};
    }
    const line = match[2] ?? match[3] ?? match[4];
    return { file: match[1], line: line === undefined ? undefined : Number(line) };
}

/** A finding about the file the message names (when it is one of `files`), else about `fallback`. */
export function findingAbout(host: HostTree, files: readonly GeneratedFile[], fallback: GeneratedFile, message: string): Finding {
    const named = fileAndLineIn(host, message);
    const namedFile = files.find(f => f.path === named.file);
    const trimmed = message.split('\n').slice(0, 20).join('\n');
    return { host: host.host, file: (namedFile ?? fallback).path, line: namedFile === undefined ? undefined : named.line, message: trimmed };
}

/** The file's content as it is on disk now (negative controls break it in place). */
export function contentOnDisk(host: HostTree, file: GeneratedFile): string {
    return readFileSync(treePath(host, file), 'utf-8');
}
