import type { AstNode, LangiumDocument } from 'langium';
import type { Diagnostic, Range, TextEdit, WorkspaceEdit } from 'vscode-languageserver';
import { isCompany, isGroup, isMailAlias, isUser, type Company, type Group, type MailAlias, type User } from '../../generated/ast.js';
import { CompanyRenameProvider } from '../rename-provider.js';
import { nodeAt, quickFix, workspaceFix } from './edit-helpers.js';
import type { QuickFix } from './quick-fix.js';

type Declaration = Company | User | Group | MailAlias;
const isDeclaration = (n: AstNode): n is Declaration => isCompany(n) || isUser(n) || isGroup(n) || isMailAlias(n);

/**
 * Lower-case the flagged text. When it is the name of a company, user, group or alias, the fix is
 * the rename provider's edit, so every reference follows in every document (`acme.Staff` →
 * `acme.staff`), and for a company the qualifier of references into it (`Acme.staff` → `acme.staff`).
 */
export const lowerCaseFix: QuickFix = (diagnostic, document, services) => {
    const text = document.textDocument.getText(diagnostic.range);
    const lower = text.toLowerCase();
    const title = `Rename to '${lower}'`;
    const declaration = nodeAt(document, diagnostic.range.start, isDeclaration);
    const rename = services.lsp.RenameProvider;
    // A quoted alias name (`alias "Info" -> …`) is the same declaration as its unquoted text.
    const renamed = declaration && declaration.name === text.replace(/^(["'])(.*)\1$/s, '$2') && rename instanceof CompanyRenameProvider
        ? rename.renameEdit(declaration, declaration.name.toLowerCase())
        : undefined;
    return renamed
        ? [workspaceFix(title, diagnostic, keepingQuotes(renamed, document, diagnostic, lower))]
        : [quickFix(title, document, diagnostic, [{ range: diagnostic.range, newText: lower }])];
};

/**
 * The rename writes the new name bare; the flagged name itself is lower-cased as written instead,
 * so `alias "Info"` stays quoted (references are never quoted, so theirs are taken as they are).
 */
function keepingQuotes(edit: WorkspaceEdit, document: LangiumDocument, diagnostic: Diagnostic, lower: string): WorkspaceEdit {
    const uri = document.textDocument.uri;
    const changes = { ...edit.changes };
    const others = (changes[uri] ?? []).filter(e => !overlaps(document, e.range, diagnostic.range));
    changes[uri] = [{ range: diagnostic.range, newText: lower } satisfies TextEdit, ...others];
    return { changes };
}

function overlaps(document: LangiumDocument, a: Range, b: Range): boolean {
    const offset = document.textDocument.offsetAt.bind(document.textDocument);
    return offset(a.start) < offset(b.end) && offset(b.start) < offset(a.end);
}
