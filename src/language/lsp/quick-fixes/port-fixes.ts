import type { LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver';
import { isServiceBlock, isServiceList, isServiceSetting, type ServiceBlock, type ServiceList } from '../../generated/ast.js';
import { dataString, indentationAt, insertAt, insertMember, newBlock, nodeAt, quickFix } from './edit-helpers.js';
import type { QuickFix } from './quick-fix.js';

/**
 * `public-port-conflict` on a company's Gitea SSH: move it to the free port the rule suggests
 * (`data.sshPort`). A written `ssh-port` gets the new value; a company on the default gets the
 * setting added to its `git { … }` block, or a new `git { ssh-port N }` line below `services`.
 * Role conflicts have no obvious fix (which VM should give the role up?), so they get none.
 */
export const moveSshPort: QuickFix = (diagnostic, document) => {
    const port = dataString(diagnostic, 'sshPort');
    if (!port) {
        return [];
    }
    if (nodeAt(document, diagnostic.range.start, isServiceSetting)) {
        return [quickFix(`Use ssh-port ${port}`, document, diagnostic, [{ range: diagnostic.range, newText: port }])];
    }
    const list = nodeAt(document, diagnostic.range.start, isServiceList);
    if (!list?.$cstNode) {
        return [];
    }
    const block = list.$container.members.filter(isServiceBlock).find(b => b.service === 'git');
    const edit = block?.$cstNode ? addToBlock(document, block, `ssh-port ${port}`) : lineBelow(document, list, `git { ssh-port ${port} }`);
    return [quickFix(`Set \`git { ssh-port ${port} }\` for ${list.$container.name}`, document, diagnostic, [edit])];
};

/** `git { registration closed }` → `git { registration closed  ssh-port N }`; a multi-line block gets a line of its own. */
function addToBlock(document: LangiumDocument, block: ServiceBlock, setting: string): TextEdit {
    return insertMember(document, block, setting, 'last') ?? newBlock(document, block, setting, 'inline');
}

function lineBelow(document: LangiumDocument, list: ServiceList, line: string): TextEdit {
    const cst = list.$cstNode!;
    return insertAt(document, cst.end, `\n${indentationAt(document, cst.offset)}${line}`);
}
