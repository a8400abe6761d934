import { GrammarUtils, type LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver';
import { isCompany, type User } from '../../generated/ast.js';
import { aliasListsOf, isAdmin, usersOf } from '../../semantics/company-facts.js';
import { indentationAt, insertAt, nodeAt, quickFix } from './edit-helpers.js';
import type { QuickFix } from './quick-fix.js';

/**
 * Add a missing role address (`postmaster`, `abuse`) as an alias of the first admin, or of the
 * first user when there is no admin. No fix is offered for a company without users.
 */
export function addRoleAliasFix(alias: string): QuickFix {
    return (diagnostic, document) => {
        const company = nodeAt(document, diagnostic.range.start, isCompany);
        const users = company ? usersOf(company) : [];
        const user = users.find(isAdmin) ?? users[0];
        const edit = user && aliasEdit(document, user, alias);
        return edit ? [quickFix(`Add alias '${alias}' to user ${user.name}`, document, diagnostic, [edit])] : [];
    };
}

function aliasEdit(document: LangiumDocument, user: User, alias: string): TextEdit | undefined {
    const cst = user.$cstNode;
    if (!cst) {
        return undefined;
    }
    const list = aliasListsOf(user)[0]?.$cstNode;
    if (list) {
        return insertAt(document, list.end, `, ${alias}`);
    }
    const open = GrammarUtils.findNodeForKeyword(cst, '{');
    if (!open) {
        return insertAt(document, cst.end, ` { aliases ${alias} }`);
    }
    const last = user.properties.at(-1)?.$cstNode;
    if (!last) {
        const text = document.textDocument.getText();
        return insertAt(document, open.end, text[open.end] === '}' ? ` aliases ${alias} ` : ` aliases ${alias}`);
    }
    const close = GrammarUtils.findNodeForKeyword(cst, '}');
    const sameLine = !close || close.range.start.line === last.range.end.line;
    return insertAt(document, last.end, sameLine
        ? `  aliases ${alias}`
        : `\n${indentationAt(document, last.offset)}aliases ${alias}`);
}
