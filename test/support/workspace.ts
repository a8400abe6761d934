import { URI, type LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import type { WorkspaceEdit } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { diagnosticCode } from '../../src/language/validation/report.js';
import { services } from './services.js';

/** Documents of one in-memory workspace, by file name. */
export type Workspace = Record<string, LangiumDocument>;

export const uriOf = (name: string) => URI.parse(`file:///ws/${name}`);

/**
 * Load several files as one workspace and build them together, so references between them
 * link (building them one by one would link each before the next exists). Earlier documents go first.
 */
export async function loadWorkspace(files: Record<string, string>): Promise<Workspace> {
    await clearDocuments(services.shared);
    const { LangiumDocumentFactory, LangiumDocuments, DocumentBuilder } = services.shared.workspace;
    const workspace: Workspace = {};
    for (const [name, text] of Object.entries(files)) {
        workspace[name] = LangiumDocumentFactory.fromString(text, uriOf(name));
        LangiumDocuments.addDocument(workspace[name]);
    }
    await DocumentBuilder.build(Object.values(workspace), { validation: true });
    return workspace;
}

/** The text of every file of the workspace after `edit`, by file name. */
export function applyWorkspaceEdit(workspace: Workspace, edit: WorkspaceEdit | undefined): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [name, document] of Object.entries(workspace)) {
        const edits = edit?.changes?.[document.uri.toString()] ?? [];
        result[name] = TextDocument.applyEdits(document.textDocument, edits);
    }
    return result;
}

/** Errors (severity 1) of every file of a workspace, as `file: code message`, after loading `files` afresh. */
export async function workspaceErrors(files: Record<string, string>): Promise<string[]> {
    const workspace = await loadWorkspace(files);
    return Object.entries(workspace).flatMap(([name, document]) => (document.diagnostics ?? [])
        .filter(d => d.severity === 1)
        .map(d => `${name}: ${diagnosticCode(d)} ${d.message}`));
}
