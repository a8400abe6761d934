import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Repository root, and the Node 24 that npm installed (the system Node may be older). */
export const repoRoot = join(import.meta.dirname, '..', '..');
export const node24 = join(repoRoot, 'node_modules', '.bin', 'node');
export const cliBundle = join(repoRoot, 'out', 'cli', 'main.cjs');
export const serverBundle = join(repoRoot, 'out', 'language', 'main.cjs');

const bundles = [cliBundle, serverBundle];
const inputs = [join(repoRoot, 'src'), join(repoRoot, 'esbuild.mjs'), join(repoRoot, 'package.json')];
const lockDir = join(repoRoot, 'out', '.test-build-lock');
const staleLockMs = 120_000;

/**
 * Rebuild the esbuild bundles if any source is newer than them. Several test files call this
 * at once in parallel workers, so a lock directory (mkdir is atomic) makes them take turns;
 * the later ones then find the bundles fresh and skip, and nobody runs a half-written bundle.
 */
export async function ensureBundlesBuilt(): Promise<void> {
    await acquireLock();
    try {
        if (bundlesAreStale()) {
            execFileSync(node24, ['esbuild.mjs'], { cwd: repoRoot, stdio: 'pipe' });
        }
    } finally {
        rmSync(lockDir, { recursive: true, force: true });
    }
}

async function acquireLock(): Promise<void> {
    mkdirSync(join(repoRoot, 'out'), { recursive: true });
    for (;;) {
        try {
            mkdirSync(lockDir);
            return;
        } catch {
            // A crashed run may have left the lock behind; do not wait for it forever.
            if (existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > staleLockMs) {
                rmSync(lockDir, { recursive: true, force: true });
            }
            await new Promise((resolve) => setTimeout(resolve, 100));
        }
    }
}

function bundlesAreStale(): boolean {
    if (!bundles.every((b) => existsSync(b))) {
        return true;
    }
    const builtAt = Math.min(...bundles.map((b) => statSync(b).mtimeMs));
    return inputs.some((input) => newestMtime(input) > builtAt);
}

function newestMtime(path: string): number {
    const info = statSync(path);
    if (!info.isDirectory()) {
        return info.mtimeMs;
    }
    return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestMtime(join(path, entry))), info.mtimeMs);
}
