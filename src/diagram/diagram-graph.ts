import type { ForwardModel, Infrastructure, RoleModel, ServerModel, VmModel } from '../model/infrastructure.js';
import { companyColour } from './diagram-colours.js';
import { anchorEdges, forwardEdges, mailEdges, replicaEdges, uplinkEdges, webEdges } from './diagram-paths.js';
import type { DiagramEdge, DiagramGraph, DiagramGroup, DiagramLine, DiagramNode } from './diagram-types.js';
import { CLIENTS_ID, INTERNET_ID, isWebPurpose, publicId, vmId } from './diagram-ids.js';

/**
 * Infrastructure model → diagram graph: per server a box holding its public address (with the
 * port forwards) and its guest network, which holds the VMs with their addresses and roles; the
 * internet on one side and the mail clients on the other; edges for the forwards, the mail path,
 * the web path and the copies fed by another VM. Pure: the same model gives the same graph.
 */
export function buildDiagramGraph(infra: Infrastructure): DiagramGraph {
    const groups = infra.servers.flatMap(serverGroups);
    const serverNodes = infra.servers.flatMap(server => [publicNode(server), ...server.vms.map(vm => vmNode(infra, vm))]);
    const mail = mailEdges(infra);
    const drawn: DiagramEdge[] = [...uplinkEdges(infra), ...forwardEdges(infra), ...mail, ...webEdges(infra), ...replicaEdges(infra)];
    const outer: DiagramNode[] = [
        { id: INTERNET_ID, kind: 'internet', lines: [{ text: 'Internet', style: 'title' }], companies: [] },
        ...(mail.some(edge => edge.to === CLIENTS_ID) ? [clientsNode()] : [])
    ];
    return {
        title: diagramTitle(infra),
        companies: infra.companies.map((company, index) => ({
            name: company.name, displayName: company.displayName, domain: company.domain, colour: companyColour(index)
        })),
        groups,
        nodes: [...outer, ...serverNodes],
        edges: [...drawn, ...anchorEdges(infra, drawn)]
    };
}

function diagramTitle(infra: Infrastructure): string {
    if (infra.servers.length === 0) {
        return 'No server in this spec yet';
    }
    const servers = infra.servers.map(s => s.name).join(', ');
    const companies = infra.companies.map(c => c.displayName).join(', ');
    return companies ? `Servers ${servers} hosting ${companies}` : `Servers ${servers}`;
}

function serverGroups(server: ServerModel): DiagramGroup[] {
    const { network } = server;
    return [
        { id: `server:${server.name}`, kind: 'server', title: `server ${server.name} · ${server.os.name} ${server.os.version} · ${server.fqdn}` },
        {
            id: `network:${server.name}`, kind: 'network', parent: `server:${server.name}`,
            title: `guest network ${network.cidr} · ${network.bridge} · gateway ${network.gateway}`
        }
    ];
}

function publicNode(server: ServerModel): DiagramNode {
    const lines: DiagramLine[] = [
        { text: `public ${server.publicIpv4} on ${server.publicInterface}`, style: 'title' },
        ...(server.publicIpv6 ? [{ text: `${server.publicIpv6}/${server.publicIpv6Prefix}`, style: 'text' as const }] : []),
        { text: 'port forwards', style: 'muted' },
        ...server.forwards.map(forward => ({ text: forwardText(server, forward), style: 'text' as const }))
    ];
    return { id: publicId(server.name), kind: 'public', group: `server:${server.name}`, lines, companies: [] };
}

/** `25/tcp → mx:25 SMTP (incoming mail)`: public port → VM:port, and what it is for. */
export function forwardText(server: ServerModel, forward: ForwardModel): string {
    const target = forward.vm === undefined ? 'hypervisor' : server.vms.find(vm => vm.host === forward.vm)?.name ?? forward.vm;
    return `${forward.port}/${forward.protocol} → ${target}:${forward.guestPort}  ${forward.purpose}`;
}

function vmNode(infra: Infrastructure, vm: VmModel): DiagramNode {
    const roles = vm.roles.map(role => ({ role, companies: roleCompanies(infra, vm, role) }));
    const companies = [...new Set(roles.flatMap(r => r.companies))];
    return {
        id: vmId(vm.host),
        kind: 'vm',
        group: `network:${vm.server}`,
        host: vm.host,
        companies,
        lines: [
            { text: vm.name, style: 'title' },
            { text: vm.address, style: 'muted' },
            ...roles.map(({ role, companies: served }) => ({ text: roleText(role), style: 'text' as const, companies: served }))
        ]
    };
}

function roleText(role: RoleModel): string {
    if (role.from === undefined) {
        return role.role;
    }
    return role.relation === 'for' ? `${role.role} for ${role.from}` : `${role.role} from ${role.from}`;
}

/**
 * The companies a role on this VM actually serves. A shared web role lists every hosted company,
 * but only those whose public name points at this VM use it (a company without `cloud` does not
 * use the shared cloud VM); other roles serve whom the model says.
 */
export function roleCompanies(infra: Infrastructure, vm: VmModel, role: RoleModel): readonly string[] {
    if (role.from !== undefined || !isWebPurpose(role.role)) {
        return role.companies;
    }
    const users = infra.companies
        .filter(company => company.publicNames.some(name => name.purpose === role.role && name.backend === vm.host))
        .map(company => company.name);
    return users.length > 0 ? users : role.companies;
}

function clientsNode(): DiagramNode {
    return {
        id: CLIENTS_ID, kind: 'clients', companies: [],
        lines: [{ text: 'Mail clients', style: 'title' }, { text: 'IMAP, submission', style: 'muted' }]
    };
}
