import { isReference, type AstNode, type LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver';
import { isCompany, isGroup, isMailAlias, isUser, type Company, type Group, type MailAlias, type User } from '../../generated/ast.js';
import { companyOf } from '../../semantics/company-facts.js';
import { nodeAt, quickFix } from './edit-helpers.js';
import type { QuickFix } from './quick-fix.js';

type Declaration = Company | User | Group | MailAlias;
const isDeclaration = (n: AstNode): n is Declaration => isCompany(n) || isUser(n) || isGroup(n) || isMailAlias(n);

/**
 * Lower-case the flagged text. When it is the name of a company, user, group or alias, every
 * reference to it in this document is rewritten too (`acme.Staff` → `acme.staff`), and for a
 * company the qualifier of references into it (`Acme.staff` → `acme.staff`).
 */
export const lowerCaseFix: QuickFix = (diagnostic, document) => {
    const text = document.textDocument.getText(diagnostic.range);
    const lower = text.toLowerCase();
    const edits: TextEdit[] = [{ range: diagnostic.range, newText: lower }];
    const declaration = nodeAt(document, diagnostic.range.start, isDeclaration);
    // A quoted alias name (`alias "Info" -> …`) is the same declaration as its unquoted text.
    if (declaration && declaration.name === text.replace(/^(["'])(.*)\1$/s, '$2')) {
        edits.push(...referenceEdits(document, declaration, declaration.name.toLowerCase()));
    }
    return [quickFix(`Rename to '${lower}'`, document, diagnostic, edits)];
};

function referenceEdits(document: LangiumDocument, declaration: Declaration, newName: string): TextEdit[] {
    const edits: TextEdit[] = [];
    const name = declaration.name;
    for (const reference of document.references) {
        const refNode = isReference(reference) ? reference.$refNode : undefined;
        const target = isReference(reference) ? reference.ref : undefined;
        if (!refNode || !target) {
            continue;
        }
        const refText = refNode.text;
        if (target === declaration && refText.endsWith(name)) {
            edits.push({ range: refNode.range, newText: refText.slice(0, refText.length - name.length) + newName });
        } else if (isCompany(declaration) && companyOf(target) === declaration && refText.startsWith(`${name}.`)) {
            edits.push({ range: refNode.range, newText: newName + refText.slice(name.length) });
        }
    }
    return edits;
}
