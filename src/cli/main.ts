import { Command, CommanderError } from 'commander';
import { CliInputError, ExitCode, cliMessage, programName } from './cli-error.js';
import { registerGenerateCommand } from './generate-command.js';
import { registerValidateCommand } from './validate-command.js';
import { cliVersion } from './version.js';

/** The program with every command registered; each command sets the exit code it wants. */
function createProgram(setExitCode: (code: number) => void): Command {
    const program = new Command(programName)
        .description('Describe a small company\'s self-hosted IT in a .company file; check it and generate every config for its NetBSD servers and VMs.')
        .version(cliVersion(), '-V, --version', 'print the version')
        .helpOption('-h, --help', 'show help')
        .showHelpAfterError('(run companykit --help for usage)')
        .exitOverride();
    registerValidateCommand(program, setExitCode);
    registerGenerateCommand(program, setExitCode);
    return program;
}

/** Map anything that went wrong to a one-line message and an exit code; never a stack trace. */
function exitCodeForFailure(error: unknown): number {
    if (error instanceof CommanderError) {
        // Commander has already printed help, the version, or its usage message.
        return error.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
    }
    if (error instanceof CliInputError) {
        for (const problem of error.problems) {
            process.stderr.write(cliMessage(problem) + '\n');
        }
        return ExitCode.badInput;
    }
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(cliMessage(`internal error: ${message} (please report it with the spec that caused it)`) + '\n');
    return ExitCode.internalError;
}

async function main(argv: readonly string[]): Promise<number> {
    let exitCode: number = ExitCode.ok;
    const program = createProgram((code) => { exitCode = code; });
    try {
        await program.parseAsync([...argv]);
    } catch (error) {
        return exitCodeForFailure(error);
    }
    return exitCode;
}

main(process.argv).then((code) => {
    // Let pending output flush instead of calling process.exit() right away.
    process.exitCode = code;
});
