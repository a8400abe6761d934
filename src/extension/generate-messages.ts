import type { GenerateResult } from '../language/lsp/generate-protocol.js';

/** What the command tells the user at the end of a generation; pure, so the wording is unit-tested. */
export type GenerateOutcome =
    | { readonly kind: 'success', readonly message: string, readonly outDir: string }
    | { readonly kind: 'spec-errors', readonly message: string }
    | { readonly kind: 'failure', readonly message: string, readonly overwritable: boolean };

export function outcomeOf(result: GenerateResult): GenerateOutcome {
    switch (result.status) {
        case 'written':
            return {
                kind: 'success',
                outDir: result.outDir,
                message: `Generated ${count(result.files, 'file')} for ${count(result.hosts, 'host')} in ${result.outDir} `
                    + `(${result.written} written, ${result.unchanged} unchanged, ${result.removed} removed)`
            };
        case 'check':
            return {
                kind: 'success',
                outDir: result.outDir,
                message: result.changes.length === 0
                    ? `${result.outDir} is up to date`
                    : `${count(result.changes.length, 'file')} would change in ${result.outDir}`
            };
        case 'spec-errors':
            return { kind: 'spec-errors', message: `The spec has ${count(result.errorCount, 'error')}: fix them first` };
        case 'failed':
            return { kind: 'failure', message: result.message, overwritable: result.overwritable === true };
    }
}

/** `1 file`, `2 files`. */
export function count(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

/** withProgress takes increments; LSP work-done progress sends absolute percentages. */
export function progressIncrement(previous: number, percentage: number | undefined): number {
    if (percentage === undefined || !Number.isFinite(percentage)) {
        return 0;
    }
    return Math.max(0, Math.min(100, percentage) - previous);
}
