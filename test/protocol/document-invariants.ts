import type { LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import type { Position, Range } from 'vscode-languageserver-protocol';
import { parseSpec, services } from '../support/services.js';

/** What went wrong with one bad document; empty when the language coped. */
export type Problems = string[];

/**
 * Parse, link and validate `text` in process, then ask for completion at the end and at a
 * middle position, for hover in the middle and on the last character, and for the outline, as
 * an editor does while one types. Nothing may throw, every diagnostic range must lie inside
 * the document, no check may have crashed (Langium turns an exception in a check into an
 * "An error occurred ..." diagnostic), and no message may speak of a name that is not typed yet
 * as `undefined` (the parser reports the missing name; the checks skip what lacks one).
 */
export async function problemsWith(text: string): Promise<Problems> {
    const document = await parseSpec(text);
    try {
        const problems = [...rangeProblems(document), ...crashedChecks(document), ...undefinedInMessages(document), ...await editorProblems(document)];
        return [...new Set(problems)];
    } finally {
        await clearDocuments(services.shared, [document]);
    }
}

function rangeProblems(document: LangiumDocument): Problems {
    const lines = document.textDocument.getText().split(/\r\n|\r|\n/);
    return (document.diagnostics ?? [])
        .filter((d) => !rangeInside(d.range, lines))
        .map((d) => `range ${JSON.stringify(d.range)} outside the document (${lines.length} lines): ${d.message}`);
}

function rangeInside(range: Range, lines: readonly string[]): boolean {
    const inside = (p: Position) => Number.isInteger(p.line) && Number.isInteger(p.character)
        && p.line >= 0 && p.line < lines.length && p.character >= 0 && p.character <= lines[p.line].length;
    const ordered = range.start.line < range.end.line
        || (range.start.line === range.end.line && range.start.character <= range.end.character);
    return inside(range.start) && inside(range.end) && ordered;
}

function crashedChecks(document: LangiumDocument): Problems {
    return (document.diagnostics ?? [])
        .map((d) => typeof d.message === 'string' ? d.message : d.message.value)
        .filter((message) => message.startsWith('An error occurred'))
        .map((message) => `a check crashed: ${message}`);
}

function undefinedInMessages(document: LangiumDocument): Problems {
    return (document.diagnostics ?? [])
        .map((d) => typeof d.message === 'string' ? d.message : d.message.value)
        .filter((message) => /\bundefined\b/.test(message))
        .map((message) => `a message speaks of undefined: ${message}`);
}

async function editorProblems(document: LangiumDocument): Promise<Problems> {
    const { CompletionProvider, DocumentSymbolProvider, HoverProvider } = services.CompanyDsl.lsp;
    const text = document.textDocument.getText();
    const textDocument = { uri: document.uri.toString() };
    const end = document.textDocument.positionAt(text.length);
    const middle = document.textDocument.positionAt(Math.floor(text.length / 2));
    // The last character is usually the one being typed: a half-written VM, role or address.
    const last = document.textDocument.positionAt(Math.max(0, text.length - 1));
    const problems: Problems = [];
    for (const [what, request] of [
        ['completion at the end', () => CompletionProvider?.getCompletion(document, { textDocument, position: end })],
        ['completion in the middle', () => CompletionProvider?.getCompletion(document, { textDocument, position: middle })],
        ['hover in the middle', () => HoverProvider?.getHoverContent(document, { textDocument, position: middle })],
        ['hover on the last character', () => HoverProvider?.getHoverContent(document, { textDocument, position: last })],
        ['document symbols', () => DocumentSymbolProvider?.getSymbols(document, { textDocument })]
    ] as const) {
        try {
            await request();
        } catch (error) {
            problems.push(`${what} threw: ${error instanceof Error ? error.stack : String(error)}`);
        }
    }
    return problems;
}

/**
 * Problems of many documents, grouped by problem so that one bug hit by 200 documents is one
 * line (with how often and the first document label that hit it), not 200.
 */
export class ProblemTally {
    private readonly seen = new Map<string, { count: number, first: string }>();

    add(label: string, problems: Problems): void {
        for (const problem of problems) {
            const entry = this.seen.get(problem);
            if (entry) {
                entry.count++;
            } else {
                this.seen.set(problem, { count: 1, first: label });
            }
        }
    }

    /** One line per distinct problem; empty when every document was handled. */
    report(): string[] {
        return [...this.seen].map(([problem, { count, first }]) => `${problem} (${count}x, first: ${first})`);
    }
}
