import type { Command } from 'commander';
import { ExitCode } from './cli-error.js';
import {
    compareFileDiagnostics, formatDiagnostic, formatSummary, severityName, type FileDiagnostic
} from './diagnostic-format.js';
import { loadWorkspace, type LoadedFile } from './load-workspace.js';

/** `companykit validate FILE...` */
export function registerValidateCommand(program: Command, setExitCode: (code: number) => void): void {
    program
        .command('validate')
        .description('check .company files and print their errors and warnings')
        .argument('<files...>', '.company files, validated together as one workspace')
        .action(async (files: string[]) => {
            setExitCode(await runValidate(files));
        });
}

/** Validate the files, print diagnostics on stdout and a summary on stderr; return the exit code. */
export async function runValidate(paths: readonly string[]): Promise<number> {
    const workspace = await loadWorkspace(paths);
    const diagnostics = collectDiagnostics(workspace.files);
    for (const entry of diagnostics) {
        process.stdout.write(formatDiagnostic(entry) + '\n');
    }
    const errors = diagnostics.filter((d) => severityName(d.diagnostic) === 'error').length;
    const warnings = diagnostics.filter((d) => severityName(d.diagnostic) === 'warning').length;
    process.stderr.write(formatSummary(errors, warnings, workspace.files.length) + '\n');
    return errors > 0 ? ExitCode.specErrors : ExitCode.ok;
}

// Hints are editor decorations (e.g. fading unused code), not findings to print.
function collectDiagnostics(files: readonly LoadedFile[]): FileDiagnostic[] {
    return files
        .flatMap((file) => (file.document.diagnostics ?? []).map((diagnostic) => ({ file: file.displayPath, diagnostic })))
        .filter((entry) => severityName(entry.diagnostic) !== 'hint')
        .sort(compareFileDiagnostics);
}
