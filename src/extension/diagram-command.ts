import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DiagramPanel, type DiagramSnapshot } from './diagram-panel.js';

/**
 * CompanyKit: Show Infrastructure Diagram. One panel: invoking the command again shows it (for
 * the spec now active). The command resolves, once the first answer is shown, to the panel's
 * snapshot; `companykit.diagramSnapshot` (not in the palette) gives the snapshot at any time, or
 * undefined when no panel is open. Both are how the in-host tests look into the webview.
 */
export const SHOW_DIAGRAM_COMMAND = 'companykit.showDiagram';
export const DIAGRAM_SNAPSHOT_COMMAND = 'companykit.diagramSnapshot';

export function registerDiagramCommands(client: () => LanguageClient | undefined): vscode.Disposable {
    let panel: DiagramPanel | undefined;
    const show = async (resource?: vscode.Uri): Promise<DiagramSnapshot | undefined> => {
        const spec = await specUri(resource);
        if (!spec) {
            void vscode.window.showErrorMessage('Open a .company spec to show its infrastructure diagram.');
            return undefined;
        }
        if (panel) {
            panel.follow(spec, true);
        } else {
            panel = new DiagramPanel(client, spec, () => { panel = undefined; });
        }
        const shown = panel;
        await shown.refresh();
        return shown.snapshot();
    };
    return vscode.Disposable.from(
        vscode.commands.registerCommand(SHOW_DIAGRAM_COMMAND, show),
        vscode.commands.registerCommand(DIAGRAM_SNAPSHOT_COMMAND, () => panel?.snapshot()),
        { dispose: () => panel?.dispose() }
    );
}

/** The spec the command was invoked on (editor title, context menu), else the active editor's, if it is a spec. */
async function specUri(resource: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
    if (resource instanceof vscode.Uri) {
        const open = vscode.workspace.textDocuments.find(d => d.uri.toString() === resource.toString())
            ?? await vscode.workspace.openTextDocument(resource).then(d => d, () => undefined);
        return open?.languageId === 'company' ? open.uri : undefined;
    }
    const document = vscode.window.activeTextEditor?.document;
    return document?.languageId === 'company' ? document.uri : undefined;
}
