import { chmodSync, chownSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import * as path from 'node:path';
import type { GeneratedFile } from '../../../src/generator/file-set.js';
import { hostProfile, type RenderTarget } from '../../../src/generator/generate.js';
import type { Infrastructure, ServerModel, VmModel } from '../../../src/model/infrastructure.js';
import { serverNamed, vmByHost } from '../../../src/model/locate.js';
import { debian } from '../../../src/platform/debian.js';
import { netbsd } from '../../../src/platform/netbsd.js';
import type { Platform, PlatformProfile } from '../../../src/platform/profile.js';
import { generateExampleWithModel } from '../../support/generation.js';
import { systemId } from './system-ids.js';

/**
 * An example generated with `--root` semantics into a real folder: each host's tree at
 * `<root>/<host>/…` with every host-local path inside the configs pointing there, so Debian's real
 * daemons and checkers read the files in place. Nothing under /etc is touched.
 */
export interface ConfigTree {
    readonly example: string;
    readonly platform: Platform;
    readonly root: string;
    /** What it was rendered for: under `root` for debian; netbsd's trees keep their paths (only its scripts are checked). */
    readonly target: RenderTarget;
    readonly infra: Infrastructure;
    readonly hosts: readonly HostTree[];
}

export interface HostTree {
    readonly tree: ConfigTree;
    /** `hv1` for a hypervisor, `hv1.mail` for a guest. */
    readonly host: string;
    /** `<root>/<host>`. */
    readonly dir: string;
    readonly server: ServerModel;
    /** Undefined for the hypervisor. */
    readonly vm?: VmModel;
    /** This host's profile, its host-local paths inside `dir` (the one its files were rendered with). */
    readonly profile: PlatformProfile;
    /** The host's files with their on-host paths (`/etc/postfix/main.cf`). */
    readonly files: readonly GeneratedFile[];
}

/** The absolute path of a host's file in the tree. */
export const treePath = (host: HostTree, file: GeneratedFile | string): string =>
    path.join(host.dir, typeof file === 'string' ? file : file.path);

/**
 * Where trees are written: `$COMPANYKIT_TEST_ROOT`, else a folder no other user can write to
 * (opendkim refuses keys below a world-writable directory such as /tmp, and rightly so).
 */
export function testRootBase(): string {
    if (process.env.COMPANYKIT_TEST_ROOT) {
        return path.resolve(process.env.COMPANYKIT_TEST_ROOT);
    }
    return process.getuid?.() === 0 ? '/var/lib/companykit-tests' : path.join(homedir(), '.cache', 'companykit-tests');
}

/**
 * Generate `example` for `platform` under `<base>/<purpose>/<platform>/<example>` (emptied first)
 * and write it the way deploy would: modes and, as root, owners from the files; mtimes five seconds
 * in the past (Postfix re-reads a main.cf younger than a second, costing ~2 s per command).
 */
export async function writeConfigTree(example: string, platform: Platform = debian, purpose = 'configs'): Promise<ConfigTree> {
    const root = path.join(testRootBase(), purpose, platform.name, example);
    rmSync(root, { recursive: true, force: true });
    mkdirSync(root, { recursive: true });
    // Daemons that drop privileges must reach their files.
    for (let dir = root; dir !== path.dirname(dir) && dir.startsWith(testRootBase()); dir = path.dirname(dir)) {
        chmodSync(dir, 0o755);
    }
    const target: RenderTarget = platform === netbsd ? { platform } : { platform, root };
    const { infra, files } = await generateExampleWithModel(example, target);
    const hosts: HostTree[] = [];
    const tree: ConfigTree = { example, platform, root, target, infra, hosts };
    hosts.push(...[...new Set(files.flatMap(f => (f.host === null ? [] : [f.host])))].map(host => hostTree(tree, host, files)));
    for (const file of files) {
        writeTreeFile(file.host === null ? path.join(root, file.path) : path.join(root, file.host, file.path), file);
    }
    return tree;
}

function hostTree(tree: ConfigTree, host: string, files: readonly GeneratedFile[]): HostTree {
    const vm = host.includes('.') ? vmByHost(tree.infra, host) : undefined;
    const server = serverNamed(tree.infra, vm?.server ?? host);
    const dir = path.join(tree.root, host);
    const profile = hostProfile(tree.target, host, vm === undefined);
    return { tree, host, dir, server, vm, profile, files: files.filter(f => f.host === host) };
}

const past = new Date(Date.now() - 5000);

function writeTreeFile(target: string, file: GeneratedFile): void {
    mkdirSync(path.dirname(target), { recursive: true, mode: 0o755 });
    writeFileSync(target, file.content, { mode: file.mode });
    chmodSync(target, file.mode);
    if (process.getuid?.() === 0 && (file.owner !== undefined || file.group !== undefined)) {
        const uid = file.owner === undefined ? 0 : systemId('user', file.owner);
        const gid = file.group === undefined ? 0 : systemId('group', file.group);
        if (uid !== undefined && gid !== undefined) {
            chownSync(target, uid, gid);
        }
    }
    utimesSync(target, past, past);
}
