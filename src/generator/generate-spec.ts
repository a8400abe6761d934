import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { isSpec, type Spec } from '../language/generated/ast.js';
import { debian } from '../platform/debian.js';
import { netbsd } from '../platform/netbsd.js';
import type { Platform } from '../platform/profile.js';
import { generateInfrastructure, type RenderTarget } from './generate.js';
import { loadSecrets, saveSecrets, type SaveSecretsResult } from './secrets-file.js';
import { applyPlan, assertWritable, pendingChanges, planOutput, type PlannedChange } from './writer.js';

/** Every target platform by the name `--platform` and the editor setting use. */
export const PLATFORMS: Readonly<Record<string, Platform>> = { netbsd, debian };

export function platformNamed(name: string): Platform | undefined {
    return Object.hasOwn(PLATFORMS, name) ? PLATFORMS[name] : undefined;
}

export interface GenerateSpecOptions {
    /** Every document of the workspace, already built and validated. */
    readonly documents: readonly LangiumDocument[];
    /** The main spec: the secrets file lives beside it. */
    readonly specPath: string;
    readonly outDir: string;
    /** The guests' platform; with a root, it must be outDir (see RenderTarget). */
    readonly target: RenderTarget;
    /** Only compare with what is in outDir: nothing is written, no secret is kept. */
    readonly check: boolean;
    /** Overwrite plain files in outDir that the previous manifest does not list. */
    readonly force: boolean;
    readonly onProgress?: (message: string) => void;
}

export interface SpecError {
    /** The document's file system path. */
    readonly file: string;
    /** 1-based, as editors and `file:line:col` show them. */
    readonly line: number;
    readonly column: number;
    readonly message: string;
}

export type GenerateSpecResult =
    | { readonly status: 'spec-errors', readonly errors: readonly SpecError[] }
    | { readonly status: 'check', readonly changes: readonly PlannedChange[], readonly files: number, readonly outDir: string }
    | {
        readonly status: 'written', readonly files: number, readonly hosts: number, readonly bytes: number,
        readonly written: number, readonly unchanged: number, readonly removed: number,
        readonly outDir: string, readonly secrets: SaveSecretsResult
    };

/** `<spec dir>/generated/<spec name without .company>`. */
export function defaultOutDir(specPath: string): string {
    return path.join(path.dirname(specPath), 'generated', path.basename(specPath).replace(/\.company$/, ''));
}

/**
 * The one generation the CLI and the language server share. A spec with errors is refused
 * before anything is touched; otherwise the output folder is checked for conflicts before the
 * secrets file is written, so a refused run leaves no file behind. Conflicts, a corrupt manifest
 * or secrets file throw (OutputRefusedError, SecretsFileError); a fault of the generator throws Error.
 */
export async function generateSpec(options: GenerateSpecOptions): Promise<GenerateSpecResult> {
    const progress = options.onProgress ?? (() => undefined);
    const errors = specErrors(options.documents);
    if (errors.length > 0) {
        return { status: 'spec-errors', errors };
    }
    progress('resolving');
    const secrets = await loadSecrets(options.specPath);
    const specs = options.documents.map((d) => d.parseResult.value).filter((root): root is Spec => isSpec(root));
    const { files } = generateInfrastructure({ specs, secrets, target: options.target });
    progress(`rendered ${files.length} files`);
    const plan = await planOutput(options.outDir, files);
    if (options.check) {
        return { status: 'check', changes: pendingChanges(plan), files: files.length, outDir: options.outDir };
    }
    assertWritable(plan, options.force);
    progress('writing');
    const saved = await saveSecrets(options.specPath, secrets);
    const result = await applyPlan(plan);
    return {
        status: 'written',
        files: files.length,
        hosts: new Set(files.map((f) => f.host).filter((h) => h !== null)).size,
        bytes: files.reduce((sum, f) => sum + Buffer.byteLength(f.content, 'utf-8'), 0),
        written: result.written,
        unchanged: result.unchanged,
        removed: result.removed,
        outDir: options.outDir,
        secrets: saved
    };
}

/** Error diagnostics (severity 1 or none) of every document, in file and position order. */
export function specErrors(documents: readonly LangiumDocument[]): SpecError[] {
    return documents
        .flatMap((document) => (document.diagnostics ?? [])
            .filter((d) => (d.severity ?? 1) === 1)
            .map((d) => ({
                file: document.uri.fsPath,
                line: d.range.start.line + 1,
                column: d.range.start.character + 1,
                message: typeof d.message === 'string' ? d.message : d.message.value
            })))
        .sort((a, b) => (a.file !== b.file ? (a.file < b.file ? -1 : 1) : a.line - b.line || a.column - b.column));
}
