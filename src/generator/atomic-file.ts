import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';

/**
 * Replace `target` with `data` so that a reader (or a crash) only ever sees the old file or the
 * new one, never half of it: write a temporary file in the same directory (a rename across file
 * systems would not be atomic), flush it to disk, then rename it over the target.
 *
 * The temporary file is created with mode 0600 and only then set to `mode`, so a file holding a
 * secret is never readable by others, not even for a moment, whatever the umask.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array, mode: number): Promise<void> {
    const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
    const handle = await open(temp, 'wx', 0o600);
    try {
        try {
            await handle.writeFile(data);
            // fchmod: the exact mode, which the umask would otherwise narrow at creation.
            await handle.chmod(mode);
            await handle.sync();
        } finally {
            await handle.close();
        }
        await rename(temp, target);
    } catch (error) {
        await rm(temp, { force: true });
        throw error;
    }
}

/** Flush a directory's entries (the renames into it) to disk; best effort, as not every file system allows it. */
export async function syncDirectory(directory: string): Promise<void> {
    try {
        const handle = await open(directory, 'r');
        try {
            await handle.sync();
        } finally {
            await handle.close();
        }
    } catch {
        // Durability only: the rename already happened atomically either way.
    }
}
