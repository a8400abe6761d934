import type { ForwardModel, ServerModel, VmModel } from './infrastructure.js';

/** The hypervisor's decisions: names of VM services, NAT and filter rules, kernel settings. */

/**
 * The rc.d script (and rc.conf variable) starting a VM: `vm_<name>`. The prefix keeps a VM named
 * like a base service (`named`, `ntpd`…) from replacing that script, and `-` becomes `_` because an
 * rc.conf variable must be a shell name.
 */
export const vmServiceName = (vm: Pick<VmModel, 'name'>): string => `vm_${vm.name.replace(/-/g, '_')}`;

/** Seconds a VM gets to power down after `system_powerdown` before it is sent SIGTERM. */
export const VM_STOP_TIMEOUT_SECONDS = 90;

export interface InboundForward extends ForwardModel {
    readonly vm: string;
    readonly address: string;
}

/** Public ports forwarded to a guest (the hypervisor's own sshd is not a forward). */
export function inboundForwards(server: ServerModel): InboundForward[] {
    return server.forwards.filter((f): f is InboundForward => f.vm !== undefined && f.address !== undefined);
}

/** Public ports the hypervisor itself answers (its sshd). */
export function hostPorts(server: ServerModel): ForwardModel[] {
    return server.forwards.filter(f => f.vm === undefined);
}

/** Every interface on the guest bridge: each VM's tap, then the host's own interface on it. */
export function bridgeMembers(server: ServerModel): string[] {
    return [...server.vms.map(vm => vm.tap), server.network.hostInterface];
}

/**
 * Kernel settings: the host routes (and NATs) between the guest network and the public interface.
 * IPv6 forwarding stays off: guests have no IPv6 addresses to route to, and a forwarding host stops
 * accepting router advertisements, which would break the host's own IPv6 where the provider uses them.
 */
export function hypervisorSysctl(_server: ServerModel): string[] {
    return ['net.inet.ip.forwarding=1'];
}
