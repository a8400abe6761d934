/**
 * The `companykit/generate` request between the VS Code extension and the language server. This
 * file has no imports, so the extension can use it without bundling the language or the
 * generator. Only counts, paths and spec diagnostics cross the wire: never a file's content,
 * which may hold a secret.
 */

export const GENERATE_REQUEST = 'companykit/generate';

export interface GenerateParams {
    /** The spec's document URI (a file: URI; the spec must be saved). */
    readonly uri: string;
    /** Absolute output folder; by default `generated/<spec name>` beside the spec. */
    readonly outDir?: string;
    /** The guests' platform (`netbsd` by default, or `debian`): the `companykit.platform` setting. */
    readonly platform?: string;
    /** Only report what would change; write nothing. */
    readonly check?: boolean;
    /** Overwrite files in the output folder that the previous manifest does not list. */
    readonly force?: boolean;
    /** LSP work-done progress: the server reports `begin`/`report`/`end` on this token. */
    readonly workDoneToken?: string | number;
}

/** One error of the spec (or of a file it depends on), for the client's summary. */
export interface GenerateSpecError {
    readonly uri: string;
    /** 0-based, as in LSP. */
    readonly line: number;
    readonly character: number;
    readonly message: string;
}

export interface GenerateWritten {
    readonly status: 'written';
    readonly outDir: string;
    /** Files of the output (including the deploy guide and the manifest, as the generator counts them). */
    readonly files: number;
    readonly hosts: number;
    readonly written: number;
    readonly unchanged: number;
    readonly removed: number;
    readonly bytes: number;
}

export interface GenerateCheck {
    readonly status: 'check';
    readonly outDir: string;
    /** What would change, one line each (e.g. `write hv1/etc/rc.conf`); paths only. */
    readonly changes: readonly string[];
}

export interface GenerateSpecErrors {
    readonly status: 'spec-errors';
    /** How many errors in all; `errors` may list fewer. */
    readonly errorCount: number;
    readonly errors: readonly GenerateSpecError[];
}

/** Generation could not run or stopped: the message says why, in one sentence. */
export interface GenerateFailed {
    readonly status: 'failed';
    readonly message: string;
    /** Files not CompanyKit's are in the way, and sending the request again with `force` would replace them. */
    readonly overwritable?: boolean;
}

export type GenerateResult = GenerateWritten | GenerateCheck | GenerateSpecErrors | GenerateFailed;
