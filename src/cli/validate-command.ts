import type { Command } from 'commander';
import { ExitCode } from './cli-error.js';
import { loadWorkspace } from './load-workspace.js';
import { diagnosticSummary, printDiagnostics } from './workspace-diagnostics.js';

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
    const counts = printDiagnostics(workspace.files, process.stdout);
    process.stderr.write(diagnosticSummary(counts, workspace.files) + '\n');
    return counts.errors > 0 ? ExitCode.specErrors : ExitCode.ok;
}
