import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CompletionItem, CompletionList, Diagnostic, Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { startLanguageServer, type LspStdioClient } from '../../scripts/lsp-stdio-client.mjs';
import { node24, repoRoot, serverBundle } from '../support/bundles.js';

/** Start the bundled server with Node 24 over stdio. */
export function startServer(): Promise<LspStdioClient> {
    return startLanguageServer({ node: node24, serverPath: serverBundle, cwd: repoRoot, timeoutMs: 15_000 });
}

/** A URI for an in-memory document; the file need not exist, the server only sees what we send. */
export function docUri(name: string): string {
    return `file:///companykit-protocol-test/${name}.company`;
}

export const acmeText = readFileSync(join(repoRoot, 'examples', 'acme.company'), 'utf-8');

/** The 0-based position of the `occurrence`-th `needle` in `text`, plus `shift` characters. */
export function positionOf(text: string, needle: string, shift = 0, occurrence = 1): Position {
    let offset = -1;
    for (let i = 0; i < occurrence; i++) {
        offset = text.indexOf(needle, offset + 1);
        if (offset < 0) {
            throw new Error(`'${needle}' (occurrence ${occurrence}) not in the text`);
        }
    }
    offset += shift;
    const before = text.slice(0, offset).split('\n');
    return { line: before.length - 1, character: before.at(-1)!.length };
}

export function completionLabels(result: CompletionList | CompletionItem[] | null): string[] {
    const items = Array.isArray(result) ? result : result?.items ?? [];
    return items.map((item) => item.label);
}

export function hoverText(hover: Hover | null): string {
    const contents = hover?.contents;
    if (contents === undefined) {
        return '';
    }
    const parts = Array.isArray(contents) ? contents : [contents];
    return parts.map((part) => typeof part === 'string' ? part : (part as MarkupContent).value).join('\n');
}

/** A diagnostic's message as text (LSP 3.18 allows markup). */
export function messageOf(diagnostic: Diagnostic): string {
    return typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value;
}
