import type { LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver';
import { isCompany, type User } from '../../generated/ast.js';
import { aliasListsOf, isAdmin, usersOf } from '../../semantics/company-facts.js';
import { insertAt, insertMember, newBlock, nodeAt, quickFix } from './edit-helpers.js';
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

/** Extend the user's `aliases` line, or add one to its block, or give the user a block. */
function aliasEdit(document: LangiumDocument, user: User, alias: string): TextEdit | undefined {
    if (!user.$cstNode) {
        return undefined;
    }
    const list = aliasListsOf(user)[0]?.$cstNode;
    return list
        ? insertAt(document, list.end, `, ${alias}`)
        : insertMember(document, user, `aliases ${alias}`, 'last') ?? newBlock(document, user, `aliases ${alias}`, 'inline');
}
