/**
 * A problem with how the CLI was called or with its input files (as opposed to a problem
 * found in a spec). It is reported as one line, never a stack trace, and exits with code 2.
 */
export class CliInputError extends Error {
    /** One message per bad input, printed each on its own line. */
    readonly problems: readonly string[];

    constructor(problems: readonly string[]) {
        super(problems.join('\n'));
        this.name = 'CliInputError';
        this.problems = problems;
    }
}

/** Exit codes shared by every command. */
export const ExitCode = {
    ok: 0,
    /** The spec has at least one error. */
    specErrors: 1,
    /** Bad usage or unreadable input: nothing was validated. */
    badInput: 2,
    /** A fault of CompanyKit itself (sysexits' EX_SOFTWARE), so it is never blamed on the input. */
    internalError: 70
} as const;

export const programName = 'companykit';

/** Prefix a message the way every CLI message is prefixed. */
export function cliMessage(message: string): string {
    return `${programName}: ${message}`;
}
