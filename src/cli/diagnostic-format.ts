import type { Diagnostic } from 'vscode-languageserver';
import { diagnosticCode } from '../language/validation/report.js';

/** A diagnostic tied to the file it was found in, as the user named that file. */
export interface FileDiagnostic {
    readonly file: string;
    readonly diagnostic: Diagnostic;
}

export type SeverityName = 'error' | 'warning' | 'info' | 'hint';

// LSP severities: 1 error, 2 warning, 3 information, 4 hint; absent means error.
const severityNames: Record<number, SeverityName> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export function severityName(diagnostic: Diagnostic): SeverityName {
    return severityNames[diagnostic.severity ?? 1] ?? 'error';
}

/** `file:line:col: severity: message [code]`, with a 1-based line and column; a diagnostic without a code is a syntax problem. */
export function formatDiagnostic({ file, diagnostic }: FileDiagnostic): string {
    const { line, character } = diagnostic.range.start;
    // A message may span lines (some parser errors do); keep one diagnostic per output line.
    const message = messageText(diagnostic).replace(/\s*\r?\n\s*/g, ' ').trim();
    return `${file}:${line + 1}:${character + 1}: ${severityName(diagnostic)}: ${message} [${diagnosticCode(diagnostic) ?? 'syntax'}]`;
}

/** Order by file, then line, then column, so output is stable whatever order checks ran in. */
export function compareFileDiagnostics(a: FileDiagnostic, b: FileDiagnostic): number {
    if (a.file !== b.file) {
        return a.file < b.file ? -1 : 1;
    }
    const pa = a.diagnostic.range.start;
    const pb = b.diagnostic.range.start;
    return pa.line - pb.line || pa.character - pb.character;
}

/** LSP 3.18 allows a markup message; print its text either way. */
function messageText(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}

/** `2 errors, 1 warning in 1 file`. */
export function formatSummary(errors: number, warnings: number, files: number): string {
    return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')}`;
}

function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
