import type { LangiumDocument } from 'langium';
import type { TextEdit } from 'vscode-languageserver';
import {
    isHostedCompanies, isRoleUse, isServer, isVmRoles, type Server, type Spec, type Vm
} from '../../generated/ast.js';
import { declaredVms } from '../../semantics/server-facts.js';
import { ServerCodes } from '../../validation/server-codes.js';
import {
    dataString, insertAt, insertMember, newBlock, nodeAt, quickFix, removeListEntry, removeNode, replaceWith, written
} from './edit-helpers.js';
import { moveSshPort } from './port-fixes.js';
import type { QuickFix } from './quick-fix.js';

/** Quick fixes for server diagnostics, keyed by diagnostic code; what they need comes in the diagnostic's `data`. */

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
            : quickFix(`Add VM ${name} running ${role}`, document, diagnostic, [addToServer(document, server, `vm ${name} { runs ${role} }`, 'last')]);
    });
};

function addRoleToVm(document: LangiumDocument, vm: Vm, role: string): TextEdit {
    const roles = vm.settings.filter(isVmRoles).at(-1)?.$cstNode;
    return roles
        ? insertAt(document, roles.end, `, ${role}`)
        : insertMember(document, vm, `runs ${role}`, 'last') ?? newBlock(document, vm, `runs ${role}`, 'inline');
}

/** A new line in the server block; a server cut short before its `{` gets the block it lacks. */
function addToServer(document: LangiumDocument, server: Server, line: string, where: 'first' | 'last'): TextEdit {
    return insertMember(document, server, line, where) ?? newBlock(document, server, line, 'lines');
}

/** Overlapping networks: change the declared one, or write one for a server on the default network. */
const fixOverlap: QuickFix = (diagnostic, document) => {
    const replacement = dataString(diagnostic, 'replacement');
    const server = nodeAt(document, diagnostic.range.start, isServer);
    if (!replacement || !server) {
        return [];
    }
    const onName = written(diagnostic, document) === server.name;
    const edit = onName ? addToServer(document, server, `network ${replacement}`, 'first') : { range: diagnostic.range, newText: replacement };
    return [quickFix(`Use network ${replacement}`, document, diagnostic, [edit])];
};

/** `No server hosts acme`: one fix per server, appending to its `hosts` line or writing one. */
const hostCompany: QuickFix = (diagnostic, document) => {
    const company = written(diagnostic, document);
    const spec = document.parseResult.value as Spec;
    return spec.servers.filter(s => s.name).map(server => {
        const hosts = server.members.filter(isHostedCompanies).at(-1)?.$cstNode;
        const edit = hosts ? insertAt(document, hosts.end, `, ${company}`) : addToServer(document, server, `hosts ${company}`, 'first');
        return quickFix(`Host ${company} on ${server.name}`, document, diagnostic, [edit]);
    });
};

export const serverQuickFixes: Readonly<Record<string, QuickFix>> = {
    [ServerCodes.CidrHostBits]: replaceWith(r => `Change to ${r}`),
    [ServerCodes.InvalidCidr]: replaceWith(r => `Change to ${r}`),
    [ServerCodes.InvalidIpv4]: replaceWith(r => `Change to ${r}`),
    [ServerCodes.WrongSourceKeyword]: replaceWith((r, w) => `Write \`${r}\` instead of \`${w}\``),
    [ServerCodes.SourceNotPrimary]: replaceWith(r => `Take it from ${r}`),
    [ServerCodes.VmMemoryBelowRoles]: replaceWith(r => `Give it ${r}`),
    [ServerCodes.DuplicateRole]: removeDuplicateRole,
    [ServerCodes.RoleTakesNoSource]: removeSource,
    [ServerCodes.MissingRequiredRole]: addMissingRole,
    [ServerCodes.NetworkOverlap]: fixOverlap,
    [ServerCodes.CompanyNotHosted]: hostCompany,
    [ServerCodes.PublicPortConflict]: moveSshPort
};
