import { clearDocuments, parseDocument, textDocumentPositionParams } from 'langium/test';
import { MarkupContent } from 'vscode-languageserver';
import { CompanyDsl } from '../support/services.js';

/** Marks the cursor in an inline snippet, as the `langium/test` helpers do. */
export const CURSOR = '<|>';

/** The hover Markdown at the cursor mark (the document is disposed afterwards). */
export async function hoverAt(textWithCursor: string): Promise<string | undefined> {
    const offset = textWithCursor.indexOf(CURSOR);
    const document = await parseDocument(CompanyDsl, textWithCursor.replace(CURSOR, ''));
    try {
        const hover = await CompanyDsl.lsp.HoverProvider!.getHoverContent(document, textDocumentPositionParams(document, offset));
        return hover && MarkupContent.is(hover.contents) ? hover.contents.value : undefined;
    } finally {
        await clearDocuments(CompanyDsl.shared, [document]);
    }
}
