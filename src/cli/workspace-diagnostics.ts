import { compareFileDiagnostics, formatDiagnostic, formatSummary, severityName, type FileDiagnostic } from './diagnostic-format.js';
import type { LoadedFile } from './load-workspace.js';

/** Every diagnostic of the loaded files worth printing, in file and position order. */
export function collectDiagnostics(files: readonly LoadedFile[]): FileDiagnostic[] {
    // Hints are editor decorations (e.g. fading unused code), not findings to print.
    return files
        .flatMap((file) => (file.document.diagnostics ?? []).map((diagnostic) => ({ file: file.displayPath, diagnostic })))
        .filter((entry) => severityName(entry.diagnostic) !== 'hint')
        .sort(compareFileDiagnostics);
}

/** Print each diagnostic as `file:line:col: severity: message [code]` on `out`; returns the error count. */
export function printDiagnostics(files: readonly LoadedFile[], out: NodeJS.WritableStream): { errors: number, warnings: number } {
    const diagnostics = collectDiagnostics(files);
    for (const entry of diagnostics) {
        out.write(formatDiagnostic(entry) + '\n');
    }
    return {
        errors: diagnostics.filter((d) => severityName(d.diagnostic) === 'error').length,
        warnings: diagnostics.filter((d) => severityName(d.diagnostic) === 'warning').length
    };
}

/** `2 errors, 1 warning in 1 file`, for the loaded files. */
export function diagnosticSummary(counts: { errors: number, warnings: number }, files: readonly LoadedFile[]): string {
    return formatSummary(counts.errors, counts.warnings, files.length);
}
