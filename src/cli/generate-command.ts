import * as path from 'node:path';
import type { Command } from 'commander';
import { UnsupportedSpecError } from '../generator/unsupported-spec.js';
import { defaultOutDir, generateSpec, PLATFORMS, platformNamed, type GenerateSpecResult } from '../generator/generate-spec.js';
import { OutputRefusedError } from '../generator/manifest.js';
import { SecretsFileError } from '../generator/secrets-file.js';
import { CliInputError, ExitCode, cliMessage } from './cli-error.js';
import { loadWorkspace } from './load-workspace.js';
import { diagnosticSummary, printDiagnostics } from './workspace-diagnostics.js';

interface GenerateOptions {
    readonly out?: string;
    readonly platform: string;
    readonly root?: string;
    readonly check?: boolean;
    readonly force?: boolean;
}

/** `companykit generate SPEC [MORE...] [--out DIR | --root DIR] [--platform netbsd|debian] [--check] [--force]` */
export function registerGenerateCommand(program: Command, setExitCode: (code: number) => void): void {
    program
        .command('generate')
        .description('write every config file, script and the deploy guide for the servers and VMs of a spec')
        .argument('<spec>', 'the .company spec; its secrets are kept beside it in <name>.secrets.json (mode 0600)')
        .argument('[more...]', 'more .company files of the same workspace (companies or servers the spec refers to)')
        .option('--out <dir>', 'output folder (default: generated/<spec name> beside the spec)')
        .option('--platform <name>', `the guests' system: ${Object.values(PLATFORMS).map(p => `${p.name} (${p.summary})`).join('; ')}`, 'netbsd')
        .option('--root <dir>', 'write each host\'s tree to <dir>/<host>/ and point every host-local path inside the configs there, '
            + 'so a tree can be checked or run in place without touching /etc (instead of --out)')
        .option('--check', 'write nothing; list what would change and exit 1 if anything would')
        .option('--force', 'overwrite files in the output folder that CompanyKit did not write')
        .action(async (spec: string, more: string[], options: GenerateOptions) => {
            setExitCode(await runGenerate(spec, more, options));
        });
}

/** Generate (or check) and report: diagnostics and the --check listing on stdout, the summary on stderr. */
export async function runGenerate(spec: string, more: readonly string[], options: GenerateOptions): Promise<number> {
    const platform = platformNamed(options.platform);
    if (!platform) {
        throw new CliInputError([`unknown platform "${options.platform}": use one of ${Object.keys(PLATFORMS).join(', ')}`]);
    }
    if (options.root !== undefined && options.out !== undefined) {
        throw new CliInputError(['--root is the output folder too: pass either --out or --root, not both']);
    }
    const workspace = await loadWorkspace([spec, ...more]);
    const counts = printDiagnostics(workspace.files, process.stdout);
    const root = options.root === undefined ? undefined : path.resolve(options.root);
    if (root !== undefined && !/^[\w./+-]+$/.test(root)) {
        // The root is written unquoted into every config syntax (postfix, slapd, nginx, shell…).
        throw new CliInputError([`--root ${root}: use a folder whose path has only letters, digits and . _ - + /`]);
    }
    const outDir = root ?? options.out ?? defaultOutDir(spec);
    let result: GenerateSpecResult;
    try {
        result = await generateSpec({
            documents: workspace.files.map((f) => f.document),
            specPath: spec,
            outDir,
            target: { platform, root },
            check: options.check ?? false,
            force: options.force ?? false
        });
    } catch (error) {
        if (error instanceof OutputRefusedError) {
            throw new CliInputError(error.problems);
        }
        if (error instanceof SecretsFileError) {
            throw new CliInputError([error.message]);
        }
        if (error instanceof UnsupportedSpecError) {
            process.stderr.write(cliMessage(`cannot generate ${spec}: ${error.message}; nothing was written`) + '\n');
            return ExitCode.specErrors;
        }
        throw error;
    }
    return report(result, counts, workspace.files);
}

function report(result: GenerateSpecResult, counts: { errors: number, warnings: number }, files: Parameters<typeof diagnosticSummary>[1]): number {
    switch (result.status) {
        case 'spec-errors':
            process.stderr.write(`${diagnosticSummary(counts, files)}: nothing generated\n`);
            return ExitCode.specErrors;
        case 'check': {
            for (const change of result.changes) {
                process.stdout.write(`${change.kind} ${change.file}\n`);
            }
            const where = displayPath(result.outDir);
            const conflicts = result.changes.filter((c) => c.kind === 'conflict').length;
            process.stderr.write(result.changes.length === 0
                ? `${where} is up to date (${plural(result.files, 'file')})\n`
                : `${plural(result.changes.length, 'change')} to ${where}: run without --check to write them`
                    + (conflicts > 0 ? ` (${conflicts} in the way of files CompanyKit did not write: move them or pass --force)\n` : '\n'));
            return result.changes.length === 0 ? ExitCode.ok : ExitCode.specErrors;
        }
        case 'written': {
            const { secrets } = result;
            if (secrets.tightened) {
                process.stderr.write(cliMessage(`${secrets.file} was readable by others: its mode is now 0600\n`));
            }
            if (secrets.added > 0) {
                process.stderr.write(`kept ${plural(secrets.added, 'new secret')} in ${secrets.file} (mode 0600; back it up, never commit it)\n`);
            }
            process.stderr.write(`generated ${plural(result.files, 'file')} (${formatBytes(result.bytes)}) for ${plural(result.hosts, 'host')} `
                + `in ${displayPath(result.outDir)}: ${result.written} written, ${result.unchanged} unchanged, ${result.removed} removed\n`);
            return ExitCode.ok;
        }
    }
}

/** Relative to the working directory when inside it, so the summary is short. */
function displayPath(target: string): string {
    const relative = path.relative(process.cwd(), path.resolve(target));
    return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? path.resolve(target) : relative;
}

/** `412 kB` (1 kB = 1000 bytes), `980 bytes`, `1.2 MB`. */
export function formatBytes(bytes: number): string {
    if (bytes < 1000) {
        return `${bytes} bytes`;
    }
    if (bytes < 1_000_000) {
        return `${Math.round(bytes / 1000)} kB`;
    }
    return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

function plural(count: number, noun: string): string {
    return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
