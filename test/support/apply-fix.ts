import type { LangiumDocument } from 'langium';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CodeAction, type Diagnostic } from 'vscode-languageserver';
import { CompanyDsl, parseSpec } from './services.js';

export interface FixResult {
    readonly title: string;
    /** Titles of every fix offered for the diagnostic. */
    readonly titles: string[];
    readonly text: string;
    /** Diagnostics with the fixed code that remain after the edit. */
    readonly remaining: Diagnostic[];
}

/**
 * Validate `text`, ask the code action provider for the fixes of the `index`-th diagnostic with
 * `code`, apply the fix titled `title` (or the only fix offered) and validate the result again.
 */
export async function applyFix(text: string, code: string, choice: { index?: number, title?: string } = {}): Promise<FixResult> {
    const document = await parseSpec(text);
    const diagnostic = (document.diagnostics ?? []).filter(d => d.code === code)[choice.index ?? 0];
    if (!diagnostic) {
        throw new Error(`no ${code} diagnostic #${choice.index ?? 0}; got ${(document.diagnostics ?? []).map(d => d.code).join(', ')}`);
    }
    const actions = await actionsOn(document, diagnostic);
    const titles = actions.map(a => a.title);
    const action = choice.title ? actions.find(a => a.title === choice.title) : actions.length === 1 ? actions[0] : undefined;
    if (!action) {
        throw new Error(`no fix ${choice.title ? `"${choice.title}"` : 'alone'} for ${code} among ${JSON.stringify(titles)}`);
    }
    const edits = action.edit?.changes?.[document.textDocument.uri] ?? [];
    const fixed = TextDocument.applyEdits(TextDocument.create('x.company', 'company', 0, text), edits);
    const after = await parseSpec(fixed);
    return { title: action.title, titles, text: fixed, remaining: (after.diagnostics ?? []).filter(d => d.code === code) };
}

/** The code actions offered for one diagnostic of `text`. */
export async function fixesFor(text: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
    return actionsOn(await parseSpec(text), diagnostic);
}

async function actionsOn(document: LangiumDocument, diagnostic: Diagnostic): Promise<CodeAction[]> {
    const actions = await CompanyDsl.lsp.CodeActionProvider!.getCodeActions(document, {
        textDocument: { uri: document.textDocument.uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] }
    }) ?? [];
    return actions.filter(CodeAction.is);
}

/** The diagnostics with `code` in `text`. */
export async function diagnosticsWith(text: string, code: string): Promise<Diagnostic[]> {
    return ((await parseSpec(text)).diagnostics ?? []).filter(d => d.code === code);
}
