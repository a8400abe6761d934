import * as path from 'node:path';

/**
 * Where the VS Code command writes: the `companykit.outputFolder` setting, resolved against the
 * spec. No vscode import, so the rules are unit-tested directly.
 *
 * - empty (the default): undefined, and the generator uses its own default,
 *   `generated/<spec name>` beside the spec (the CLI's default too);
 * - `${workspaceFolder}` is replaced by the folder of the workspace that holds the spec;
 * - a leading `~` is the user's home folder;
 * - a relative path is relative to the spec's folder; an absolute one is used as it is.
 */
export interface OutputFolderInput {
    /** The setting's value. */
    readonly setting: string;
    /** Absolute path of the spec file. */
    readonly specPath: string;
    /** Absolute path of the workspace folder holding the spec, if any. */
    readonly workspaceFolder?: string;
    readonly homeDir: string;
}

/** A setting that cannot be used; the message is shown to the user as it is. */
export class OutputFolderError extends Error {}

const SETTING = 'companykit.outputFolder';
const VARIABLE = /\$\{([^}]*)\}/g;

/** The absolute output folder, or undefined for the generator's default. Throws OutputFolderError. */
export function resolveOutputFolder(input: OutputFolderInput): string | undefined {
    const setting = input.setting.trim();
    if (setting === '') {
        return undefined;
    }
    const expanded = expandHome(substituteVariables(setting, input), input.homeDir);
    return path.resolve(path.dirname(input.specPath), expanded);
}

function substituteVariables(setting: string, input: OutputFolderInput): string {
    return setting.replace(VARIABLE, (_match, name: string) => {
        if (name !== 'workspaceFolder') {
            throw new OutputFolderError(`The setting ${SETTING} uses \${${name}}: only \${workspaceFolder} is supported.`);
        }
        if (input.workspaceFolder === undefined) {
            throw new OutputFolderError(`The setting ${SETTING} uses \${workspaceFolder}, but ${path.basename(input.specPath)} `
                + 'is not in an open workspace folder: open its folder, or use a path relative to the spec.');
        }
        return input.workspaceFolder;
    });
}

/** `~` and `~/x` (also `~\x` on Windows) are in the home folder; `~user` is left alone. */
function expandHome(value: string, homeDir: string): string {
    if (value === '~') {
        return homeDir;
    }
    const match = /^~[/\\](.*)$/.exec(value);
    return match ? path.join(homeDir, match[1]) : value;
}
