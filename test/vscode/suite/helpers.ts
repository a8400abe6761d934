import * as vscode from 'vscode';

/** Shared by the checks: the workspace's specs, positions found by text, waiting on the server. */

export const EXTENSION_ID = 'companykit.companykit';

export function workspaceUri(...segments: string[]): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) {
        throw new Error('the suite needs a workspace folder (the runner opens the temporary workspace)');
    }
    return vscode.Uri.joinPath(folder.uri, ...segments);
}

export async function openSpec(name: string): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(workspaceUri(name));
    return vscode.window.showTextDocument(document, { preview: false });
}

export function sleep(ms: number): Promise<void> {
    return new Promise(resolve => setTimeout(resolve, ms));
}

/** Poll `probe` until it returns something other than undefined; fail with `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    let lastError: unknown;
    while (Date.now() < deadline) {
        try {
            const value = await probe();
            if (value !== undefined) {
                return value;
            }
        } catch (error) {
            lastError = error;
        }
        await sleep(150);
    }
    throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastError ? ` (last error: ${String(lastError)})` : ''}`);
}

/** The position `offset` characters into the `occurrence`-th (0-based) match of `needle`. */
export function positionOf(document: vscode.TextDocument, needle: string, occurrence = 0, offset = 1): vscode.Position {
    const text = document.getText();
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) {
            throw new Error(`"${needle}" (occurrence ${occurrence}) is not in ${document.uri.path}`);
        }
    }
    return document.positionAt(index + offset);
}

export function diagnosticCode(diagnostic: vscode.Diagnostic): string | undefined {
    const code = diagnostic.code;
    return code === undefined ? undefined : typeof code === 'object' ? String(code.value) : String(code);
}

export function errorsOf(uri: vscode.Uri): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(uri).filter(d => d.severity === vscode.DiagnosticSeverity.Error);
}

/** Markdown or plain text of a hover's contents, joined. */
export function hoverText(hovers: readonly vscode.Hover[]): string {
    return hovers.flatMap(h => h.contents).map(c => typeof c === 'string' ? c : c.value).join('\n');
}

/** Apply LSP-style text edits to a string, last first so earlier offsets stay valid. */
export function applyEdits(document: vscode.TextDocument, edits: readonly vscode.TextEdit[]): string {
    const text = document.getText();
    return [...edits]
        .map(edit => ({ start: document.offsetAt(edit.range.start), end: document.offsetAt(edit.range.end), text: edit.newText }))
        .sort((a, b) => b.start - a.start)
        .reduce((result, edit) => result.slice(0, edit.start) + edit.text + result.slice(edit.end), text);
}
