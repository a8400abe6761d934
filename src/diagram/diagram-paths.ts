import type { Infrastructure, RoleModel, ServerModel } from '../model/infrastructure.js';
import { primaryVm } from '../model/locate.js';
import { CLIENTS_ID, INTERNET_ID, isWebPurpose, publicId, vmId } from './diagram-ids.js';
import type { DiagramEdge, DiagramLine, EdgeKind } from './diagram-types.js';

/**
 * The diagram's edges, each read off the model: the forwards from the server's npf rules, the
 * mail path from each company's `mx` and `mail` names, the web path from its web names' backends
 * behind its proxy, the copies from their roles' `from`/`for`. Edges between the same two boxes
 * are merged (one line per company in the label), so three companies on one shared VM do not
 * draw three lines on top of each other.
 */

export function uplinkEdges(infra: Infrastructure): DiagramEdge[] {
    return infra.servers.map(server => ({ from: INTERNET_ID, to: publicId(server.name), kind: 'uplink', label: [], companies: [] }));
}

/** One edge per VM that has forwards, labelled with its public ports (`53, 53/udp`, `2222→22`). */
export function forwardEdges(infra: Infrastructure): DiagramEdge[] {
    return infra.servers.flatMap(server => {
        const byVm = new Map<string, string[]>();
        for (const forward of server.forwards) {
            if (forward.vm === undefined) {
                continue;
            }
            const port = `${forward.port}${forward.protocol === 'udp' ? '/udp' : ''}${forward.guestPort === forward.port ? '' : `→${forward.guestPort}`}`;
            byVm.set(forward.vm, [...byVm.get(forward.vm) ?? [], port]);
        }
        return [...byVm].map(([host, ports]): DiagramEdge => ({
            from: publicId(server.name), to: vmId(host), kind: 'forward', label: [{ text: ports.join(', '), style: 'muted' }], companies: []
        }));
    });
}

/** MX → mail VM (SMTP relay) and mail VM → the mail clients (IMAP and submission through the forwards). */
export function mailEdges(infra: Infrastructure): DiagramEdge[] {
    const relays = new MergedEdges('mail');
    const reads = new MergedEdges('mail');
    for (const company of infra.companies) {
        const mx = company.publicNames.find(name => name.purpose === 'mx')?.backend;
        const mail = company.publicNames.find(name => name.purpose === 'mail')?.backend;
        if (mx && mail && mx !== mail) {
            relays.add(vmId(mx), vmId(mail), company.name);
        }
        if (mail) {
            reads.add(vmId(mail), CLIENTS_ID, company.name);
        }
    }
    return [
        ...relays.edges(() => [{ text: 'SMTP relay', style: 'muted' }]),
        ...reads.edges(from => [{ text: clientPorts(infra, from), style: 'muted' }])
    ];
}

/** What the clients use on the mail VM: its forwarded ports, e.g. `587 mail submission, 993 IMAP over TLS`. */
function clientPorts(infra: Infrastructure, mailNode: string): string {
    const ports = infra.servers.flatMap(server => server.forwards)
        .filter(forward => forward.vm !== undefined && vmId(forward.vm) === mailNode)
        .map(forward => `${forward.port} ${forward.purpose}`);
    return ports.length > 0 ? ports.join(', ') : 'IMAP';
}

/** The company's proxy → each VM serving one of its web names, labelled with the names (`www, webmail`). */
export function webEdges(infra: Infrastructure): DiagramEdge[] {
    const routes = new MergedEdges('web');
    for (const company of infra.companies) {
        const proxy = primaryVm(infra, company.name, 'proxy')?.host;
        if (!proxy) {
            continue;
        }
        for (const name of company.publicNames) {
            if (isWebPurpose(name.purpose) && name.backend && name.backend !== proxy) {
                routes.add(vmId(proxy), vmId(name.backend), company.name, name.label);
            }
        }
    }
    return routes.edges((_from, _to, details) => [...details].map(([company, labels]) => ({
        text: labels.join(', '), style: 'text', companies: [company]
    })));
}

/** A copy fed by another VM: source → copy, e.g. `north.auth → south.auth2` labelled `ldap replica`. */
export function replicaEdges(infra: Infrastructure): DiagramEdge[] {
    const copies = new Map<string, { from: string, to: string, lines: DiagramLine[], companies: Set<string> }>();
    for (const vm of infra.servers.flatMap(server => server.vms)) {
        for (const role of vm.roles.filter(r => r.from !== undefined)) {
            const key = `${role.from}>${vm.host}`;
            const entry = copies.get(key) ?? { from: vmId(role.from!), to: vmId(vm.host), lines: [], companies: new Set<string>() };
            entry.lines.push({ text: copyText(role), style: 'muted' });
            role.companies.forEach(c => entry.companies.add(c));
            copies.set(key, entry);
        }
    }
    return [...copies.values()].map(c => ({ from: c.from, to: c.to, kind: 'replica', label: c.lines, companies: [...c.companies] }));
}

function copyText(role: RoleModel): string {
    if (role.relation === 'for') {
        return `${role.role} for`;
    }
    return role.role === 'dns' ? 'dns secondary' : `${role.role} replica`;
}

/**
 * Invisible edges from a server's public address to each of its VMs that nothing else reaches
 * (the database, the directory without forwards), so the layout keeps them in their server's
 * column instead of pulling them to the far left.
 */
export function anchorEdges(infra: Infrastructure, drawn: readonly DiagramEdge[]): DiagramEdge[] {
    const reached = new Set(drawn.map(edge => edge.to));
    return infra.servers.flatMap((server: ServerModel) => server.vms
        .filter(vm => !reached.has(vmId(vm.host)))
        .map((vm): DiagramEdge => ({ from: publicId(server.name), to: vmId(vm.host), kind: 'anchor', label: [], companies: [] })));
}

/** Edges between the same two nodes, merged: the companies in order, with per-company details. */
class MergedEdges {
    private readonly byPair = new Map<string, { from: string, to: string, details: Map<string, string[]> }>();

    constructor(private readonly kind: EdgeKind) {}

    add(from: string, to: string, company: string, detail?: string): void {
        const key = `${from}>${to}`;
        const entry = this.byPair.get(key) ?? { from, to, details: new Map<string, string[]>() };
        const details = entry.details.get(company) ?? [];
        if (detail !== undefined && !details.includes(detail)) {
            details.push(detail);
        }
        entry.details.set(company, details);
        this.byPair.set(key, entry);
    }

    edges(label: (from: string, to: string, details: ReadonlyMap<string, readonly string[]>) => DiagramLine[]): DiagramEdge[] {
        return [...this.byPair.values()].map(({ from, to, details }) => ({
            from, to, kind: this.kind, label: label(from, to, details), companies: [...details.keys()]
        }));
    }
}
