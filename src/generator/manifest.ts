import { createHash } from 'node:crypto';
import { outputPath, type GeneratedFile } from './file-set.js';

/** The manifest's name inside the output folder. */
export const MANIFEST_NAME = 'manifest.json';

/** One generated file as the manifest lists it (DESIGN.md §4). */
export interface ManifestEntry {
    /** The VM (`server.vm`) or server the file belongs on; null for files of the output itself (the deploy guide). */
    readonly host: string | null;
    /** Absolute path on that host (for host null, the path inside the output folder). */
    readonly path: string;
    /** The file's place inside the output folder, always with `/`. */
    readonly file: string;
    /**
     * The mode as an octal string such as "0644": JSON has no octal numbers, and 420 would be
     * unreadable to the person deploying; four digits keep it stable and easy to pass to chmod.
     */
    readonly mode: string;
    /** Lower-case hex SHA-256 of the file's bytes. */
    readonly sha256: string;
    readonly owner?: string;
    readonly group?: string;
}

export interface Manifest {
    readonly files: readonly ManifestEntry[];
}

/**
 * The output folder is in a state the writer will not change on its own (a hand-written file in
 * the way, a corrupt manifest): a problem for the user to fix, reported one line per problem.
 */
export class OutputRefusedError extends Error {
    constructor(readonly problems: readonly string[]) {
        super(problems.join('\n'));
        this.name = 'OutputRefusedError';
    }
}

/** A previous manifest that cannot be trusted: nothing is written or deleted until the user looks at it. */
export class ManifestError extends OutputRefusedError {
    constructor(readonly manifestPath: string, reason: string) {
        super([`${manifestPath} is not a CompanyKit manifest (${reason}): fix or remove it, or choose another output folder`]);
        this.name = 'ManifestError';
    }
}

export function sha256(content: string | Uint8Array): string {
    return createHash('sha256').update(content).digest('hex');
}

export function formatMode(mode: number): string {
    return mode.toString(8).padStart(4, '0');
}

export function manifestEntry(file: GeneratedFile): ManifestEntry {
    // Key order is fixed here, so the JSON is the same bytes every run.
    return {
        host: file.host,
        path: file.path,
        file: outputPath(file),
        mode: formatMode(file.mode),
        sha256: sha256(file.content),
        ...(file.owner !== undefined ? { owner: file.owner } : {}),
        ...(file.group !== undefined ? { group: file.group } : {})
    };
}

/** The manifest's exact text: entries sorted by `file`, 2-space indentation, a trailing newline. */
export function renderManifest(files: readonly GeneratedFile[]): string {
    const entries = files.map(manifestEntry).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
    return JSON.stringify({ files: entries }, null, 2) + '\n';
}

/**
 * A manifest path inside the output folder that is safe to write or delete: relative, with `/`,
 * no empty, `.` or `..` part. Anything else could reach outside the folder.
 */
export function isSafeOutputPath(file: string): boolean {
    return file.length > 0 && !file.startsWith('/') && !file.includes('\\') && !file.includes('\0')
        && file.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** The `file` of every entry of a previous manifest's text; throws ManifestError when it is not one we wrote. */
export function parseManifestFiles(text: string, manifestPath: string): string[] {
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch {
        throw new ManifestError(manifestPath, 'not valid JSON');
    }
    const files = (data as { files?: unknown } | null)?.files;
    if (typeof data !== 'object' || data === null || Array.isArray(data) || !Array.isArray(files)) {
        throw new ManifestError(manifestPath, 'no "files" list');
    }
    return files.map((entry: unknown, index) => {
        const file = (entry as { file?: unknown } | null)?.file;
        if (typeof file !== 'string') {
            throw new ManifestError(manifestPath, `entry ${index + 1} has no "file"`);
        }
        if (!isSafeOutputPath(file) || file === MANIFEST_NAME) {
            // Deleting what it lists must never leave the output folder.
            throw new ManifestError(manifestPath, `entry ${index + 1} names ${JSON.stringify(file)}, which is not a path inside the output folder`);
        }
        return file;
    });
}
