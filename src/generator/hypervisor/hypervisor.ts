import { bridgeMembers, hostPorts, hypervisorSysctl, inboundForwards, vmServiceName, VM_STOP_TIMEOUT_SECONDS } from '../../model/hypervisor-network.js';
import type { Infrastructure, ServerModel, VmModel } from '../../model/infrastructure.js';
import type { PlatformProfile } from '../../platform/profile.js';
import type { GeneratedFile } from '../file-set.js';
import { provisionFunctions } from '../guest/guest-provision.js';
import { renderTemplate } from '../templates.js';

/**
 * The hypervisor's files: rc.conf additions (sourced from the installer's rc.conf), the guest
 * bridge, npf.conf, one rc.d script per VM, the disk script and provision.sh. modules.conf and
 * sysctl.conf are shared with the installer and the admin, so provision.sh adds its lines to them
 * instead of replacing them.
 */
export function renderHypervisor(_infra: Infrastructure, server: ServerModel, profile: PlatformProfile): GeneratedFile[] {
    const hv = profile.hypervisor;
    const base = profile.base;
    const host = server.name;
    const file = (path: string, content: string, mode = 0o644): GeneratedFile => ({ host, path, mode, content });
    const vms = server.vms.map(vm => ({ ...vm, service: vmServiceName(vm) }));
    const members = bridgeMembers(server).map(name => ({ name, device: server.vms.some(vm => vm.tap === name) }));
    const createDisks = `${base.provisionDir}/create-disks.sh`;
    const view = { server, hv, base };
    return [
        file(hv.rcConfInclude, renderTemplate('hypervisor/rc.conf.companykit', { ...view, rcConfInclude: hv.rcConfInclude, vms })),
        file(`${hv.ifconfigDir}/ifconfig.${server.network.bridge}`, renderTemplate('hypervisor/ifconfig.bridge', { ...view, members })),
        file(hv.npfConf, renderTemplate('hypervisor/npf.conf', { ...view, forwards: inboundForwards(server), hostPorts: hostPorts(server) })),
        ...server.vms.map(vm => file(`${base.rcDir}/${vmServiceName(vm)}`, renderVmScript(server, vm, profile), 0o555)),
        file(createDisks, renderTemplate('hypervisor/create-disks.sh', { ...view, disks: server.vms.map(vm => ({ path: diskPath(vm, profile), size: `${vm.diskGiB}G` })) }), 0o755),
        file(`${base.provisionDir}/provision.sh`, renderTemplate('hypervisor/provision.sh', {
            ...view,
            functions: provisionFunctions({ server, profile }),
            sourceLine: `. ${hv.rcConfInclude}`,
            sysctl: hypervisorSysctl(server),
            members,
            gatewayPattern: `inet ${server.network.gateway.replace(/\./g, '\\.')}[/ ]`,
            createDisks,
            vms
        }), 0o755)
    ];
}

const diskPath = (vm: VmModel, profile: PlatformProfile): string => `${profile.hypervisor.diskDir}/${vm.name}.img`;

function renderVmScript(server: ServerModel, vm: VmModel, profile: PlatformProfile): string {
    const runDir = profile.hypervisor.runDir;
    return renderTemplate('hypervisor/vm.rc', {
        server, vm, hv: profile.hypervisor,
        service: vmServiceName(vm),
        disk: diskPath(vm, profile),
        pidfile: `${runDir}/${vm.name}.pid`,
        console: `${runDir}/${vm.name}.console`,
        monitor: `${runDir}/${vm.name}.monitor`,
        timeout: VM_STOP_TIMEOUT_SECONDS
    });
}
