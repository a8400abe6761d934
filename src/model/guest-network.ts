import type { Infrastructure, ServerModel, VmModel } from './infrastructure.js';

/**
 * Network facts every guest shares: the /etc/hosts table and which resolver it asks. Decided here
 * (pure, tested) so the templates only print them.
 */

export interface HostsEntry {
    readonly address: string;
    readonly fqdn: string;
    readonly name: string;
}

/** The hypervisor's address on the guest network, then every VM of the server, by FQDN and short name. */
export function guestHostsEntries(server: ServerModel): HostsEntry[] {
    return [
        { address: server.network.gateway, fqdn: server.fqdn, name: server.name },
        ...server.vms.map(vm => ({ address: vm.address, fqdn: vm.fqdn, name: vm.name }))
    ];
}

/**
 * Used only when a server runs no DNS VM at all (e.g. a server holding nothing but a videobridge):
 * a guest network cannot reach another server's private addresses, and the company BIND only
 * recurses for its own guest network, so such guests use a public validating resolver (Quad9).
 */
export const FALLBACK_RESOLVER = '9.9.9.9';

export interface GuestResolver {
    readonly nameserver: string;
    readonly search: string;
    /** The DNS VM answering, when one on this server does. */
    readonly vm?: VmModel;
}

/**
 * The resolver of every guest on `server`: the VM on this server running dns (primary or secondary)
 * for the server's first company, else any dns VM on this server (a server hosting no company but
 * holding a secondary), else FALLBACK_RESOLVER. The dns role's BIND allows recursion for the guest
 * network, so guests resolve everything through it and see their own zones first-hand.
 */
export function guestResolver(_infra: Infrastructure, server: ServerModel): GuestResolver {
    const dnsVms = server.vms.filter(vm => vm.roles.some(r => r.role === 'dns'));
    const first = server.companies[0];
    const vm = dnsVms.find(v => first !== undefined && v.roles.some(r => r.role === 'dns' && r.companies.includes(first))) ?? dnsVms[0];
    return vm
        ? { nameserver: vm.address, search: server.domain, vm }
        : { nameserver: FALLBACK_RESOLVER, search: server.domain };
}
