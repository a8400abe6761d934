import * as vscode from 'vscode';
import { GENERATE_COMMAND } from './generate-command.js';

/**
 * A status bar item with the state of the spec in the active editor: "CompanyKit: valid" or
 * "CompanyKit: N errors", and a click that generates it.
 *
 * It counts the active spec's own errors, not the workspace's: the click generates the active
 * spec (that is what the generate command does without an argument), so the item answers "can
 * I generate this one?". Errors in other specs are in the Problems view; a generation that a
 * spec it depends on blocks still says so in its own message. Hidden when no spec is active.
 */

export function registerStatusBar(): vscode.Disposable {
    const item = vscode.window.createStatusBarItem('companykit.status', vscode.StatusBarAlignment.Left, 0);
    item.name = 'CompanyKit';
    const update = () => updateItem(item, vscode.window.activeTextEditor?.document);
    update();
    return vscode.Disposable.from(
        item,
        vscode.window.onDidChangeActiveTextEditor(update),
        vscode.languages.onDidChangeDiagnostics(event => {
            const active = vscode.window.activeTextEditor?.document.uri.toString();
            if (active && event.uris.some(uri => uri.toString() === active)) {
                update();
            }
        })
    );
}

function updateItem(item: vscode.StatusBarItem, document: vscode.TextDocument | undefined): void {
    if (document?.languageId !== 'company') {
        item.hide();
        return;
    }
    const errors = vscode.languages.getDiagnostics(document.uri)
        .filter(d => d.severity === vscode.DiagnosticSeverity.Error).length;
    const state = statusOf(errors);
    item.text = state.text;
    item.tooltip = state.tooltip;
    item.backgroundColor = errors > 0 ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
    item.command = { title: 'Generate Infrastructure', command: GENERATE_COMMAND, arguments: [document.uri] };
    item.show();
}

/** The item's text and tooltip for a spec with `errors` errors. */
export function statusOf(errors: number): { readonly text: string, readonly tooltip: string } {
    if (errors === 0) {
        return { text: '$(check) CompanyKit: valid', tooltip: 'The spec has no errors. Click to generate its infrastructure.' };
    }
    const noun = errors === 1 ? 'error' : 'errors';
    return {
        text: `$(error) CompanyKit: ${errors} ${noun}`,
        tooltip: `The spec has ${errors} ${noun}: generation stops at them. Click to try (the message lists them).`
    };
}
