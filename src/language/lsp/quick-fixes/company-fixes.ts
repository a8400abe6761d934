import { isCompany, isServiceBlock, isServiceList, isUserAliases, isUserClearPassword } from '../../generated/ast.js';
import { CompanyCodes } from '../../validation/company-codes.js';
import {
    addUnit, dataString, indentationAt, insertAt, nodeAt, quickFix, removeListEntry, removeNode, removeSetting, replaceWith
} from './edit-helpers.js';
import { lowerCaseFix } from './lower-case-fix.js';
import type { QuickFix } from './quick-fix.js';
import { addRoleAliasFix } from './role-alias-fix.js';

/** `groups staff, staff` → `groups staff`; a lone entry (`aliases bob` on bob) takes its line along. */
const removeDuplicate: QuickFix = (diagnostic, document) => {
    const { textDocument } = document;
    const edit = removeListEntry(document, textDocument.offsetAt(diagnostic.range.start), textDocument.offsetAt(diagnostic.range.end))
        ?? removeWhole(document, diagnostic.range.start);
    return edit ? [quickFix('Remove the duplicate', document, diagnostic, [edit])] : [];
};

function removeWhole(document: Parameters<QuickFix>[1], position: Parameters<typeof nodeAt>[1]) {
    const list = nodeAt(document, position, isUserAliases)?.$cstNode;
    return list ? removeNode(document, list) : undefined;
}

const removeClearPassword: QuickFix = (diagnostic, document) => {
    const node = nodeAt(document, diagnostic.range.start, isUserClearPassword)?.$cstNode;
    return node ? [quickFix('Remove the clear password', document, diagnostic, [removeNode(document, node)])] : [];
};

/** A zone name is written bare when every segment is a name token, else quoted (`"Etc/GMT+1"`). */
const BARE_ZONE = /^[_a-zA-Z](?:[\w-]*\w)?(?:\/[_a-zA-Z](?:[\w-]*\w)?)*$/;

/** `timezone Europe/Berln` → `Europe/Berlin`: the rule's `data.suggestion`, quoted when it must be. */
const fixTimezone = replaceWith(zone => `Change to ${zone}`, diagnostic => dataString(diagnostic, 'suggestion'),
    zone => BARE_ZONE.test(zone) ? zone : `"${zone}"`);

/** Append the service to the company's `services` line, or write one above the block. */
const enableService: QuickFix = (diagnostic, document) => {
    const service = dataString(diagnostic, 'service');
    const company = nodeAt(document, diagnostic.range.start, isCompany);
    const block = nodeAt(document, diagnostic.range.start, isServiceBlock)?.$cstNode;
    if (!service || !company || !block) {
        return [];
    }
    const list = company.members.find(isServiceList)?.$cstNode;
    const text = document.textDocument.getText();
    const edit = list
        ? insertAt(document, list.end, `, ${service}`)
        : insertAt(document, text.lastIndexOf('\n', block.offset - 1) + 1, `${indentationAt(document, block.offset)}services ${service}\n`);
    return [quickFix(`Add ${service} to services`, document, diagnostic, [edit])];
};

/** Quick fixes for company diagnostics, keyed by diagnostic code. */
export const companyQuickFixes: Readonly<Record<string, QuickFix>> = {
    [CompanyCodes.DuplicateEntry]: removeDuplicate,
    [CompanyCodes.NameCase]: lowerCaseFix,
    [CompanyCodes.MissingPostmaster]: addRoleAliasFix('postmaster'),
    [CompanyCodes.MissingAbuse]: addRoleAliasFix('abuse'),
    [CompanyCodes.ClearPassword]: removeClearPassword,
    [CompanyCodes.SizeMissingUnit]: addUnit,
    [CompanyCodes.UnknownTimezone]: fixTimezone,
    [CompanyCodes.ServiceNotEnabled]: enableService,
    [CompanyCodes.DuplicateSetting]: removeSetting
};
