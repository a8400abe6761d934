import * as path from 'node:path';
import type * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerDiagramCommands } from './diagram-command.js';
import { registerGenerateCommand } from './generate-command.js';
import { registerStatusBar } from './status-bar.js';

let client: LanguageClient | undefined;

/** Start the CompanyKit language server when a .company file is opened. */
export async function activate(context: vscode.ExtensionContext): Promise<void> {
    client = startLanguageClient(context);
    context.subscriptions.push(registerGenerateCommand(() => client));
    context.subscriptions.push(registerDiagramCommands(() => client));
    context.subscriptions.push(registerStatusBar());
    await client.start();
}

export async function deactivate(): Promise<void> {
    await client?.stop();
    client = undefined;
}

function startLanguageClient(context: vscode.ExtensionContext): LanguageClient {
    const serverModule = context.asAbsolutePath(path.join('out', 'language', 'main.cjs'));
    // --inspect lets a developer attach to the server when the extension runs in debug mode.
    const debugOptions = { execArgv: ['--nolazy', `--inspect=${process.env.DEBUG_SOCKET || '6009'}`] };
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: debugOptions }
    };
    const clientOptions: LanguageClientOptions = {
        // Files and unsaved editors only: a git diff's copy of a spec is not part of the workspace.
        documentSelector: [{ scheme: 'file', language: 'company' }, { scheme: 'untitled', language: 'company' }]
    };
    return new LanguageClient('companykit', 'CompanyKit', serverOptions, clientOptions);
}
