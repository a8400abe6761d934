/**
 * One file the generator produces: where it goes on which host, with which mode and owner. The
 * writer adds the file's place in the output folder and its digest to the manifest.
 */
export interface GeneratedFile {
    /** `server` for the hypervisor, `server.vm` for a guest, null for files of the output itself (the deploy guide). */
    readonly host: string | null;
    /** Absolute path on the host; for host null, the path inside the output folder. */
    readonly path: string;
    /** e.g. 0o644; 0o600 or 0o640 for anything holding a secret, 0o755 for scripts. */
    readonly mode: number;
    /** Owner and group on the host, when not root:wheel (the deploy step sets them). */
    readonly owner?: string;
    readonly group?: string;
    readonly content: string;
}

/** The file's place inside the output folder: `<host>/<path without the leading slash>`, or the path itself. */
export function outputPath(file: Pick<GeneratedFile, 'host' | 'path'>): string {
    return file.host === null ? file.path : `${file.host}/${file.path.replace(/^\/+/, '')}`;
}

/** A stable order: by output path (so manifests and --check listings never shuffle). */
export function sortFiles(files: readonly GeneratedFile[]): GeneratedFile[] {
    return [...files].sort((a, b) => {
        const pa = outputPath(a);
        const pb = outputPath(b);
        return pa < pb ? -1 : pa > pb ? 1 : 0;
    });
}
