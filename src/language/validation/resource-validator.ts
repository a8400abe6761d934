import type { ValidationAcceptor } from 'langium';
import {
    isCpusSetting, isDiskSetting, isMemorySetting, isServerResources,
    type CpusSetting, type DiskSetting, type MemorySetting, type OsSetting, type Server
} from '../generated/ast.js';
import { roleInfo } from '../catalog/roles.js';
import { rolesMinMemoryMiB } from '../semantics/placement.js';
import { firstMember, firstSetting } from '../semantics/server-facts.js';
import { formatGiB, formatMiB, sizeInGiB, sizeInMiB } from '../semantics/sizes.js';
import type { ServerContext } from './server-context.js';
import { ServerCodes } from './server-codes.js';
import { coded } from './report.js';
import { checkSize } from './value-validator.js';

/** Memory, CPUs and disk of VMs and servers, and the OS release. */

/** Memory and disk of VMs and servers: a unit and more than nothing, as every size (the usual unit is what the fix adds). */
export const checkMemorySize = (setting: MemorySetting, accept: ValidationAcceptor) => checkSize(setting.size, 'MB', 'memory size', accept);

export const checkDiskSize = (setting: DiskSetting, accept: ValidationAcceptor) => checkSize(setting.size, 'GB', 'disk size', accept);

export function checkCpus(setting: CpusSetting, accept: ValidationAcceptor): void {
    if (setting.count !== undefined && Number(setting.count) === 0) {
        accept('error', 'cpus 0 leaves nothing to run on: write at least cpus 1.',
            coded(ServerCodes.ZeroCpus, { node: setting, property: 'count' }));
    }
}

/** Warn when a VM's declared memory is below what its roles (including conventionally placed ones) need together. */
export function checkVmMemory(_server: Server, accept: ValidationAcceptor, { vms }: ServerContext): void {
    for (const vm of vms) {
        const memory = vm.declared && firstSetting(vm.declared, isMemorySetting);
        const mib = memory && sizeInMiB(memory.size);
        const needed = rolesMinMemoryMiB(vm.roles);
        if (memory && mib !== undefined && mib < needed) {
            const parts = vm.roles.map(r => `${r.role} ${formatMiB(roleInfo(r.role).minMemoryMiB)}`).join(', ');
            const roles = vm.roles.length === 1 ? `${vm.roles[0].role} needs` : `its roles need (${parts})`;
            accept('warning', `VM ${vm.name} has ${formatMiB(mib)} of memory but ${roles} at least ${formatMiB(needed)}: write memory ${formatMiB(needed)}.`,
                coded(ServerCodes.VmMemoryBelowRoles, { node: memory, property: 'size' }, { replacement: formatMiB(needed) }));
        }
    }
}

/**
 * Warn when the server's `resources` cannot hold its VMs: memory and disk add up over the effective
 * VMs (conventional ones with their defaults). Virtual CPUs do not add up: NVMM runs each vCPU as a
 * host thread and overcommitting them is normal, so only a VM with more vCPUs than the host is flagged.
 */
export function checkServerResources(server: Server, accept: ValidationAcceptor, { vms }: ServerContext): void {
    const resources = firstMember(server, isServerResources);
    if (!resources) {
        return;
    }
    const memory = resources.settings.find(isMemorySetting);
    warnIfShort(server, memory, memory && sizeInMiB(memory.size), vms.reduce((sum, vm) => sum + vm.memoryMiB, 0), formatMiB, 'memory', vms.length, accept);
    const disk = resources.settings.find(isDiskSetting);
    warnIfShort(server, disk, disk && sizeInGiB(disk.size), vms.reduce((sum, vm) => sum + vm.diskGiB, 0), formatGiB, 'disk', vms.length, accept);
    const cpus = resources.settings.find(isCpusSetting);
    if (cpus && Number(cpus.count) > 0) {
        for (const vm of vms) {
            const vmCpus = vm.declared && firstSetting(vm.declared, isCpusSetting);
            if (vmCpus && Number(vmCpus.count) > Number(cpus.count)) {
                accept('warning', `VM ${vm.name} has ${vmCpus.count} virtual CPUs but ${server.name} has only ${cpus.count}: write cpus ${cpus.count} or less.`,
                    coded(ServerCodes.VmCpusExceedServer, { node: vmCpus, property: 'count' }));
            }
        }
    }
}

/** Memory and disk: the server's own size (in the unit `format` shows) against what its VMs take together. */
function warnIfShort(server: Server, setting: MemorySetting | DiskSetting | undefined, have: number | undefined, need: number,
    format: (n: number) => string, what: 'memory' | 'disk', vmCount: number, accept: ValidationAcceptor): void {
    if (setting && have !== undefined && have < need) {
        accept('warning', `${server.name} has ${format(have)} of ${what} but its ${vmCount} VMs take ${format(need)} together: `
            + `give the server more ${what} or its VMs less.`,
            coded(ServerCodes.ServerResourcesExceeded, { node: setting, property: 'size' }));
    }
}

/** NVMM, the hypervisor CompanyKit drives, first shipped with NetBSD 9.0. */
export function checkOsVersion(setting: OsSetting, accept: ValidationAcceptor): void {
    // `Version` is a datatype rule over DECIMAL | INT, which the value converter may hand back as a number.
    const version = setting.version as unknown as string | number | undefined;
    if (setting.os !== 'netbsd' || version === undefined) {
        return;
    }
    const major = Number(String(version).split('.')[0]);
    if (Number.isFinite(major) && major < 9) {
        accept('error', `NetBSD ${version} has no NVMM: NVMM needs NetBSD 9 or later; write os netbsd 10.1.`,
            coded(ServerCodes.OsVersionUnsupported, { node: setting, property: 'version' }));
    }
}
