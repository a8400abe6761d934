import type { CompanyModel, Infrastructure, ServerModel } from './infrastructure.js';

/**
 * What the registrar needs for a company's domain: its name servers and their glue addresses.
 * A name server is a server whose public port 53 is forwarded to a VM running dns for the company
 * (its primary first, then secondaries on other servers in spec order), named ns1, ns2… under the
 * company's domain (in-bailiwick, hence the glue).
 */
export interface Delegation {
    readonly company: CompanyModel;
    readonly nameServers: readonly DelegatedNameServer[];
}

export interface DelegatedNameServer {
    readonly fqdn: string;
    readonly ipv4: string;
    readonly ipv6?: string;
    /** Host id of the answering VM. */
    readonly vm: string;
    readonly primary: boolean;
}

export function delegations(infra: Infrastructure): Delegation[] {
    return infra.companies.map(company => ({ company, nameServers: companyNameServers(infra, company) }));
}

function companyNameServers(infra: Infrastructure, company: CompanyModel): DelegatedNameServer[] {
    const answering = infra.servers.flatMap(server => {
        const forward = server.forwards.find(f => f.port === 53 && f.vm !== undefined);
        const vm = server.vms.find(v => v.host === forward?.vm);
        const role = vm?.roles.find(r => r.role === 'dns' && r.companies.includes(company.name));
        return vm && role ? [{ server, vm: vm.host, primary: role.relation === undefined }] : [];
    });
    const ordered = [...answering.filter(a => a.primary), ...answering.filter(a => !a.primary)];
    return ordered.map((a, index) => nameServer(a.server, `ns${index + 1}.${company.domain}`, a.vm, a.primary));
}

function nameServer(server: ServerModel, fqdn: string, vm: string, primary: boolean): DelegatedNameServer {
    return { fqdn, ipv4: server.publicIpv4, ...(server.publicIpv6 ? { ipv6: server.publicIpv6.replace(/\/\d+$/, '') } : {}), vm, primary };
}
