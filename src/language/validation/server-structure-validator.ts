import type { AstNode, ValidationAcceptor } from 'langium';
import { isPublicAddress, isVm, type Server, type ServerResources, type Spec, type Vm } from '../generated/ast.js';
import { declaredVms, firstMember } from '../semantics/server-facts.js';
import { ServerCodes } from './server-codes.js';
import { coded, lineOf } from './report.js';

/** Servers and VMs: one public address, each single-valued setting once, distinct names. */

export function checkPublicAddressPresent(server: Server, accept: ValidationAcceptor): void {
    if (!firstMember(server, isPublicAddress)) {
        accept('error', `Server ${server.name} has no public address: add \`public <IPv4> on <interface>\`, e.g. public 203.0.113.10 on wm0.`,
            coded(ServerCodes.MissingPublicAddress, { node: server, property: 'name' }));
    }
}

/** The keyword of each single-valued setting, by AST type. */
const SETTING_KEYWORD: Readonly<Record<string, string>> = {
    OsSetting: 'os', PublicAddress: 'public', PublicIpv6: 'ipv6', GuestNetwork: 'network', MirrorSetting: 'mirror',
    ServerResources: 'resources', PlacementSetting: 'placement',
    VmAddress: 'address', MemorySetting: 'memory', CpusSetting: 'cpus', DiskSetting: 'disk'
};

export function checkServerSettingsOnce(server: Server, accept: ValidationAcceptor): void {
    reportRepeated(server.members.filter(m => !isVm(m)), `server ${server.name}`, accept);
}

export function checkVmSettingsOnce(vm: Vm, accept: ValidationAcceptor): void {
    // `runs` may be repeated: its lists simply add up.
    reportRepeated(vm.settings.filter(s => s.$type !== 'VmRoles'), `VM ${vm.name}`, accept);
}

export function checkResourceSettingsOnce(resources: ServerResources, accept: ValidationAcceptor): void {
    reportRepeated(resources.settings, `the resources of ${resources.$container.name}`, accept);
}

function reportRepeated(settings: readonly AstNode[], where: string, accept: ValidationAcceptor): void {
    const seen = new Map<string, AstNode>();
    for (const setting of settings) {
        const keyword = SETTING_KEYWORD[setting.$type];
        if (!keyword) {
            continue;
        }
        const first = seen.get(keyword);
        if (first) {
            accept('error', `\`${keyword}\` is already set for ${where} on line ${lineOf(first)}: keep one of them.`,
                coded(ServerCodes.DuplicateSetting, { node: setting, keyword }));
        } else {
            seen.set(keyword, setting);
        }
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
