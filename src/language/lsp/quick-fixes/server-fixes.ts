import type { AstNode, LangiumDocument } from 'langium';
import type { Diagnostic, TextEdit } from 'vscode-languageserver';
import {
    isHostedCompanies, isRoleUse, isServer, isVmRoles, type Server, type Spec, type Vm
} from '../../generated/ast.js';
import { declaredVms } from '../../semantics/server-facts.js';
import { ServerCodes } from '../../validation/server-codes.js';
import { dataString, indentationAt, insertAt, nodeAt, quickFix, removeListEntry, removeNode } from './edit-helpers.js';
import { moveSshPort } from './port-fixes.js';
import type { QuickFix } from './quick-fix.js';

/** Quick fixes for server diagnostics, keyed by diagnostic code; what they need comes in the diagnostic's `data`. */

/** Replace the diagnostic's range with `data.replacement` (a corrected CIDR, address, source VM, keyword, size). */
function replaceWith(title: (replacement: string, diagnostic: Diagnostic, document: LangiumDocument) => string): QuickFix {
    return (diagnostic, document) => {
        const replacement = dataString(diagnostic, 'replacement');
        return replacement
            ? [quickFix(title(replacement, diagnostic, document), document, diagnostic, [{ range: diagnostic.range, newText: replacement }])]
            : [];
    };
}

const written = (diagnostic: Diagnostic, document: LangiumDocument) => document.textDocument.getText(diagnostic.range);

/** `memory 512` → `memory 512 MB`. */
const addUnit: QuickFix = (diagnostic, document) => {
    const unit = dataString(diagnostic, 'unit');
    const end = diagnostic.range.end;
    return unit
        ? [quickFix(`Write ${written(diagnostic, document)} ${unit}`, document, diagnostic, [{ range: { start: end, end }, newText: ` ${unit}` }])]
        : [];
};

/** `runs ldap, dns, ldap` → `runs ldap, dns`; a `runs` line holding only the duplicate goes entirely. */
const removeDuplicateRole: QuickFix = (diagnostic, document) => {
    const use = nodeAt(document, diagnostic.range.start, isRoleUse);
    const cst = use?.$cstNode;
    if (!use || !cst) {
        return [];
    }
    const edit = removeListEntry(document, cst.offset, cst.end) ?? removeNode(document, use.$container.$cstNode!);
    return [quickFix(`Remove the duplicate ${use.role}`, document, diagnostic, [edit])];
};

/** Delete the repeated setting (the diagnostic marks its keyword). */
const removeSetting: QuickFix = (diagnostic, document) => {
    const node = nodeAt(document, diagnostic.range.start, (n: AstNode): n is AstNode => n.$cstNode?.offset === document.textDocument.offsetAt(diagnostic.range.start));
    return node?.$cstNode ? [quickFix(`Remove this ${written(diagnostic, document)}`, document, diagnostic, [removeNode(document, node.$cstNode)])] : [];
};

/** `mx from hv1.auth` → `mx`. */
const removeSource: QuickFix = (diagnostic, document) => {
    const use = nodeAt(document, diagnostic.range.start, isRoleUse);
    const cst = use?.$cstNode;
    if (!use || !cst) {
        return [];
    }
    const start = document.textDocument.positionAt(cst.offset + use.role.length);
    const end = document.textDocument.positionAt(cst.end);
    return [quickFix(`Remove \`${document.textDocument.getText({ start, end }).trim()}\``, document, diagnostic, [{ range: { start, end }, newText: '' }])];
};

/** Add the missing role to a VM of the server, or write a new VM for it. */
const addMissingRole: QuickFix = (diagnostic, document) => {
    const role = dataString(diagnostic, 'role');
    const vms = (diagnostic.data as { vms?: unknown } | undefined)?.vms;
    const server = nodeAt(document, diagnostic.range.start, isServer);
    if (!role || !server || !Array.isArray(vms)) {
        return [];
    }
    return vms.filter((name): name is string => typeof name === 'string').map(name => {
        const vm = declaredVms(server).find(v => v.name === name);
        return vm
            ? quickFix(`Add role ${role} to VM ${name}`, document, diagnostic, [addRoleToVm(document, vm, role)])
            : quickFix(`Add VM ${name} running ${role}`, document, diagnostic, [appendToServer(document, server, `vm ${name} { runs ${role} }`)]);
    });
};

function addRoleToVm(document: LangiumDocument, vm: Vm, role: string): TextEdit {
    const roles = vm.settings.filter(isVmRoles).at(-1)?.$cstNode;
    if (roles) {
        return insertAt(document, roles.end, `, ${role}`);
    }
    const cst = vm.$cstNode!;
    const text = document.textDocument.getText();
    const body = text.slice(cst.offset, cst.end);
    return body.trimEnd().endsWith('}')
        ? insertAt(document, cst.offset + body.lastIndexOf('}'), `runs ${role} `)
        : insertAt(document, cst.end, ` { runs ${role} }`);
}

/** A new line at the end of the server block, indented like its first member. */
function appendToServer(document: LangiumDocument, server: Server, line: string): TextEdit {
    const cst = server.$cstNode!;
    const text = document.textDocument.getText();
    const close = cst.offset + text.slice(cst.offset, cst.end).lastIndexOf('}');
    const indent = server.members[0]?.$cstNode ? indentationAt(document, server.members[0].$cstNode.offset) : '    ';
    const lineStart = text.lastIndexOf('\n', close - 1) + 1;
    return text.slice(lineStart, close).trim() === ''
        ? insertAt(document, lineStart, `${indent}${line}\n`)
        : insertAt(document, close, `\n${indent}${line}\n`);
}

/** A line right after the server's opening brace. */
function prependToServer(document: LangiumDocument, server: Server, line: string): TextEdit {
    const cst = server.$cstNode!;
    const text = document.textDocument.getText();
    const open = text.indexOf('{', cst.offset);
    const indent = server.members[0]?.$cstNode ? indentationAt(document, server.members[0].$cstNode.offset) : '    ';
    return insertAt(document, open + 1, `\n${indent}${line}`);
}

/** Overlapping networks: change the declared one, or write one for a server on the default network. */
const fixOverlap: QuickFix = (diagnostic, document) => {
    const replacement = dataString(diagnostic, 'replacement');
    const server = nodeAt(document, diagnostic.range.start, isServer);
    if (!replacement || !server) {
        return [];
    }
    const onName = written(diagnostic, document) === server.name;
    const edit = onName ? prependToServer(document, server, `network ${replacement}`) : { range: diagnostic.range, newText: replacement };
    return [quickFix(`Use network ${replacement}`, document, diagnostic, [edit])];
};

/** `No server hosts acme`: one fix per server, appending to its `hosts` line or writing one. */
const hostCompany: QuickFix = (diagnostic, document) => {
    const company = written(diagnostic, document);
    const spec = document.parseResult.value as Spec;
    return spec.servers.filter(s => s.name).map(server => {
        const hosts = server.members.filter(isHostedCompanies).at(-1)?.$cstNode;
        const edit = hosts ? insertAt(document, hosts.end, `, ${company}`) : prependToServer(document, server, `hosts ${company}`);
        return quickFix(`Host ${company} on ${server.name}`, document, diagnostic, [edit]);
    });
};

export const serverQuickFixes: Readonly<Record<string, QuickFix>> = {
    [ServerCodes.CidrHostBits]: replaceWith(r => `Change to ${r}`),
    [ServerCodes.InvalidCidr]: replaceWith(r => `Change to ${r}`),
    [ServerCodes.InvalidIpv4]: replaceWith(r => `Change to ${r}`),
    [ServerCodes.WrongSourceKeyword]: replaceWith((r, d, doc) => `Write \`${r}\` instead of \`${written(d, doc)}\``),
    [ServerCodes.SourceNotPrimary]: replaceWith(r => `Take it from ${r}`),
    [ServerCodes.VmMemoryBelowRoles]: replaceWith(r => `Give it ${r}`),
    [ServerCodes.SizeWithoutUnit]: addUnit,
    [ServerCodes.DuplicateRole]: removeDuplicateRole,
    [ServerCodes.DuplicateSetting]: removeSetting,
    [ServerCodes.RoleTakesNoSource]: removeSource,
    [ServerCodes.MissingRequiredRole]: addMissingRole,
    [ServerCodes.NetworkOverlap]: fixOverlap,
    [ServerCodes.CompanyNotHosted]: hostCompany,
    [ServerCodes.PublicPortConflict]: moveSshPort
};
