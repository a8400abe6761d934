import { randomUUID } from 'node:crypto';
import * as os from 'node:os';
import * as vscode from 'vscode';
import { WorkDoneProgress, type LanguageClient, type WorkDoneProgressBegin, type WorkDoneProgressReport } from 'vscode-languageclient/node';
import { GENERATE_REQUEST, type GenerateParams, type GenerateResult } from '../language/lsp/generate-protocol.js';
import { outcomeOf, progressIncrement } from './generate-messages.js';
import { OutputFolderError, resolveOutputFolder } from './output-folder.js';

/**
 * CompanyKit: Generate Infrastructure. The language server runs the generator (the same one as
 * the CLI) on the saved spec; this command only saves, shows progress and reports the outcome.
 */
export const GENERATE_COMMAND = 'companykit.generateInfrastructure';

const TITLE = 'CompanyKit: Generating infrastructure';
const SHOW_PROBLEMS = 'Show Problems';
const OVERWRITE = 'Overwrite';

/**
 * What one run showed the user, in order; the command resolves to it once the last message is
 * dismissed, so the in-host test suite can check the progress and the summary it cannot see.
 */
export interface GenerateRun {
    readonly progress: string[];
    readonly messages: string[];
}

export function registerGenerateCommand(client: () => LanguageClient | undefined): vscode.Disposable {
    // From the editor's context menu VS Code passes the document's URI; from the palette, nothing.
    return vscode.commands.registerCommand(GENERATE_COMMAND, (resource?: vscode.Uri) => generate(client(), resource));
}

async function generate(client: LanguageClient | undefined, resource: vscode.Uri | undefined): Promise<GenerateRun> {
    const run: GenerateRun = { progress: [], messages: [] };
    const refuse = (message: string) => {
        run.messages.push(message);
        void vscode.window.showErrorMessage(message);
        return run;
    };
    const document = await specDocument(resource);
    if (!document || !client) {
        return refuse(client
            ? 'Open a .company spec to generate its infrastructure.'
            : 'The CompanyKit language server is not running.');
    }
    if (document.isUntitled) {
        return refuse('Save the spec as a .company file first: generation reads it from disk and writes beside it.');
    }
    if (document.uri.scheme !== 'file') {
        // A diff's or another extension's copy of a spec: the generator works on the file itself.
        return refuse(`Open the .company file itself to generate it (this editor shows a ${document.uri.scheme}: copy).`);
    }
    if (document.isDirty && !(await document.save())) {
        return refuse(`${vscode.workspace.asRelativePath(document.uri)} could not be saved; nothing was generated.`);
    }
    let outDir: string | undefined;
    try {
        outDir = outputFolderFor(document.uri);
    } catch (error) {
        return refuse(error instanceof OutputFolderError ? error.message : String(error));
    }
    const platform = vscode.workspace.getConfiguration('companykit', document.uri).get<string>('platform', 'netbsd');
    const params = { uri: document.uri.toString(), outDir, platform };
    const result = await requestWithProgress(client, params, run);
    if (await report(result, run) === 'overwrite') {
        await report(await requestWithProgress(client, { ...params, force: true }, run), run);
    }
    return run;
}

/** The resource the command was invoked on, else the active editor's document, if it is a spec. */
async function specDocument(resource: vscode.Uri | undefined): Promise<vscode.TextDocument | undefined> {
    const document = resource
        ? vscode.workspace.textDocuments.find(d => d.uri.toString() === resource.toString())
            ?? await vscode.workspace.openTextDocument(resource).then(d => d, () => undefined)
        : vscode.window.activeTextEditor?.document;
    return document?.languageId === 'company' ? document : undefined;
}

function outputFolderFor(spec: vscode.Uri): string | undefined {
    const setting = vscode.workspace.getConfiguration('companykit', spec).get<string>('outputFolder', '');
    return resolveOutputFolder({
        setting,
        specPath: spec.fsPath,
        workspaceFolder: vscode.workspace.getWorkspaceFolder(spec)?.uri.fsPath,
        homeDir: os.homedir()
    });
}

/** Send the request with a work-done token and relay the server's progress to a notification. */
function requestWithProgress(client: LanguageClient, params: Omit<GenerateParams, 'workDoneToken'>, run: GenerateRun): Thenable<GenerateResult> {
    const options = { location: vscode.ProgressLocation.Notification, title: TITLE, cancellable: false };
    return vscode.window.withProgress(options, async (progress) => {
        const workDoneToken = randomUUID();
        let shown = 0;
        const relay = (value: WorkDoneProgressBegin | WorkDoneProgressReport) => {
            const increment = progressIncrement(shown, value.percentage);
            shown += increment;
            if (value.message) {
                run.progress.push(value.message);
            }
            progress.report({ message: value.message, increment });
        };
        const listener = client.onProgress(WorkDoneProgress.type, workDoneToken, (value) => {
            if (value.kind !== 'end') {
                relay(value);
            }
        });
        try {
            return await client.sendRequest<GenerateResult>(GENERATE_REQUEST, { ...params, workDoneToken });
        } catch (error) {
            // The server crashed or the connection dropped: still a message, never an unhandled rejection.
            return { status: 'failed', message: `Generation failed: ${error instanceof Error ? error.message : String(error)}` };
        } finally {
            listener.dispose();
        }
    });
}

/** Tell the user how it went; 'overwrite' when they chose to replace files that were in the way. */
async function report(result: GenerateResult, run: GenerateRun): Promise<'overwrite' | undefined> {
    const outcome = outcomeOf(result);
    run.messages.push(outcome.message);
    switch (outcome.kind) {
        case 'success': {
            const reveal = revealAction(vscode.Uri.file(outcome.outDir));
            const choice = await vscode.window.showInformationMessage(outcome.message, reveal.label);
            if (choice === reveal.label) {
                await runSafely(reveal.run);
            }
            return undefined;
        }
        case 'spec-errors': {
            const choice = await vscode.window.showErrorMessage(outcome.message, SHOW_PROBLEMS);
            if (choice === SHOW_PROBLEMS) {
                await runSafely(() => vscode.commands.executeCommand('workbench.actions.view.problems'));
            }
            return undefined;
        }
        case 'failure': {
            if (!outcome.overwritable) {
                void vscode.window.showErrorMessage(outcome.message);
                return undefined;
            }
            const choice = await vscode.window.showErrorMessage(outcome.message, { modal: false }, OVERWRITE);
            return choice === OVERWRITE ? 'overwrite' : undefined;
        }
    }
}

interface RevealAction {
    readonly label: string;
    readonly run: () => Thenable<unknown>;
}

/**
 * On a local desktop, reveal the folder in the OS file manager. In code-server, a browser or a
 * remote window that command does not exist or shows the wrong machine, so show the folder in
 * VS Code's own Explorer when it is inside the workspace, else open it as a folder.
 */
function revealAction(folder: vscode.Uri): RevealAction {
    if (vscode.env.uiKind === vscode.UIKind.Desktop && vscode.env.remoteName === undefined) {
        return { label: 'Reveal in Explorer', run: () => vscode.commands.executeCommand('revealFileInOS', folder) };
    }
    if (vscode.workspace.getWorkspaceFolder(folder)) {
        return { label: 'Reveal in Explorer', run: () => vscode.commands.executeCommand('revealInExplorer', folder) };
    }
    return { label: 'Open Folder', run: () => vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: true }) };
}

async function runSafely(action: () => Thenable<unknown>): Promise<void> {
    try {
        await action();
    } catch (error) {
        void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
    }
}
