import type { ValidationAcceptor } from 'langium';
import { isPublicAddress, type Server, type Spec, type Vm } from '../generated/ast.js';
import { declaredVms, firstMember } from '../semantics/server-facts.js';
import { ServerCodes } from './server-codes.js';
import { coded, lineOf } from './report.js';

/** Servers and VMs: one public address, distinct names (single-valued settings: once-per-block-validator.ts). */

export function checkPublicAddressPresent(server: Server, accept: ValidationAcceptor): void {
    if (!firstMember(server, isPublicAddress)) {
        accept('error', `Server ${server.name} has no public address: add \`public <IPv4> on <interface>\`, e.g. public 203.0.113.10 on wm0.`,
            coded(ServerCodes.MissingPublicAddress, { node: server, property: 'name' }));
    }
}

export function checkVmNames(server: Server, accept: ValidationAcceptor): void {
    const seen = new Map<string, Vm>();
    for (const vm of declaredVms(server).filter(named)) {
        const first = seen.get(vm.name);
        if (first) {
            accept('error', `Server ${server.name} already has a VM named ${vm.name} (line ${lineOf(first)}): rename one of them.`,
                coded(ServerCodes.DuplicateVm, { node: vm, property: 'name' }));
        } else {
            seen.set(vm.name, vm);
        }
    }
}

export function checkServerNames(spec: Spec, accept: ValidationAcceptor): void {
    const seen = new Map<string, Server>();
    for (const server of spec.servers.filter(named)) {
        const first = seen.get(server.name);
        if (first) {
            accept('error', `A server named ${server.name} is already declared on line ${lineOf(first)}: rename one of them.`,
                coded(ServerCodes.DuplicateServer, { node: server, property: 'name' }));
        } else {
            seen.set(server.name, server);
        }
    }
}

/** A half-typed server or VM may lack its name whatever the AST types say; the parser reports that. */
const named = (node: { name?: string }): boolean => typeof node.name === 'string';
