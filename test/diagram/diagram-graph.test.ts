import { describe, expect, it } from 'vitest';
import { companyColour } from '../../src/diagram/diagram-colours.js';
import { buildDiagramGraph, forwardText } from '../../src/diagram/diagram-graph.js';
import { CLIENTS_ID, INTERNET_ID, publicId, vmId } from '../../src/diagram/diagram-ids.js';
import type { DiagramEdge, DiagramGraph } from '../../src/diagram/diagram-types.js';
import { primaryVm } from '../../src/model/locate.js';
import { EXAMPLES, resolveExample } from '../support/generation.js';

const edge = (graph: DiagramGraph, from: string, to: string, kind: DiagramEdge['kind']): DiagramEdge | undefined =>
    graph.edges.find(e => e.from === from && e.to === to && e.kind === kind);
const nodeText = (graph: DiagramGraph, id: string): string[] => graph.nodes.find(n => n.id === id)?.lines.map(l => l.text) ?? [];

describe('diagram graph of the examples', () => {
    for (const example of EXAMPLES) {
        it(`${example}: every VM, in its server's guest network, with its address and roles`, async () => {
            const infra = await resolveExample(example);
            const graph = buildDiagramGraph(infra);
            const vms = infra.servers.flatMap(s => s.vms);
            expect(vms.length).toBeGreaterThan(0);
            for (const vm of vms) {
                const node = graph.nodes.find(n => n.id === vmId(vm.host));
                expect(node, vm.host).toMatchObject({ kind: 'vm', host: vm.host, group: `network:${vm.server}` });
                const text = node!.lines.map(l => l.text);
                expect(text[0]).toBe(vm.name);
                expect(text).toContain(vm.address);
                vm.roles.forEach(role => expect(text.some(t => t.startsWith(role.role)), `${vm.host} ${role.role}`).toBe(true));
            }
            expect(graph.nodes.filter(n => n.kind === 'vm')).toHaveLength(vms.length);
            for (const server of infra.servers) {
                const network = graph.groups.find(g => g.id === `network:${server.name}`);
                expect(network?.title).toContain(server.network.cidr);
                expect(network?.title).toContain(server.network.bridge);
                expect(network?.parent).toBe(`server:${server.name}`);
            }
        });

        it(`${example}: the public address lists every port forward, and an edge reaches each forwarded VM`, async () => {
            const infra = await resolveExample(example);
            const graph = buildDiagramGraph(infra);
            for (const server of infra.servers) {
                const text = nodeText(graph, publicId(server.name));
                expect(text[0]).toBe(`public ${server.publicIpv4} on ${server.publicInterface}`);
                expect(edge(graph, INTERNET_ID, publicId(server.name), 'uplink')).toBeDefined();
                for (const forward of server.forwards) {
                    expect(text).toContain(forwardText(server, forward));
                    if (forward.vm) {
                        const forwardEdge = edge(graph, publicId(server.name), vmId(forward.vm), 'forward');
                        expect(forwardEdge?.label[0]?.text.split(', '), `${forward.port} → ${forward.vm}`)
                            .toContain(`${forward.port}${forward.protocol === 'udp' ? '/udp' : ''}${forward.guestPort === forward.port ? '' : `→${forward.guestPort}`}`);
                    }
                }
            }
        });

        it(`${example}: the mail path internet → MX → mail VM → IMAP clients, and the web path proxy → each backend`, async () => {
            const infra = await resolveExample(example);
            const graph = buildDiagramGraph(infra);
            for (const company of infra.companies) {
                const mx = primaryVm(infra, company.name, 'mx')!;
                const mail = primaryVm(infra, company.name, 'mail')!;
                const proxy = primaryVm(infra, company.name, 'proxy')!;
                const server = infra.servers.find(s => s.name === mx.server)!;
                expect(edge(graph, INTERNET_ID, publicId(server.name), 'uplink')).toBeDefined();
                expect(edge(graph, publicId(server.name), vmId(mx.host), 'forward')?.label[0]?.text).toMatch(/\b25\b/);
                expect(edge(graph, vmId(mx.host), vmId(mail.host), 'mail')?.companies).toContain(company.name);
                expect(edge(graph, vmId(mail.host), CLIENTS_ID, 'mail')?.label[0]?.text).toContain('993 IMAP');
                expect(edge(graph, publicId(proxy.server), vmId(proxy.host), 'forward')?.label[0]?.text).toContain('443');
                const backends = company.publicNames.filter(n => ['website', 'webmail', 'cloud', 'git', 'meet'].includes(n.purpose));
                expect(backends.length).toBeGreaterThan(0);
                for (const name of backends) {
                    const web = edge(graph, vmId(proxy.host), vmId(name.backend!), 'web');
                    expect(web?.companies, name.fqdn).toContain(company.name);
                    expect(web?.label.find(l => l.companies?.[0] === company.name)?.text.split(', ')).toContain(name.label);
                }
            }
            expect(graph.nodes.filter(n => n.kind === 'clients')).toHaveLength(1);
        });

        it(`${example}: one distinct colour per company, in the legend`, async () => {
            const infra = await resolveExample(example);
            const graph = buildDiagramGraph(infra);
            expect(graph.companies.map(c => c.name)).toEqual(infra.companies.map(c => c.name));
            expect(new Set(graph.companies.map(c => c.colour)).size).toBe(graph.companies.length);
        });
    }

    it('hosting: roles and web routes are tinted by the company they serve', async () => {
        const graph = buildDiagramGraph(await resolveExample('hosting'));
        const data = graph.nodes.find(n => n.host === 'shared1.data')!;
        // Only wayne has cloud and only globex git, though the roles are shared.
        expect(data.lines.find(l => l.text === 'cloud')?.companies).toEqual(['wayne']);
        expect(data.lines.find(l => l.text === 'git')?.companies).toEqual(['globex']);
        expect(graph.nodes.find(n => n.host === 'shared1.meet')?.companies).toEqual(['globex']);
        const web = edge(graph, vmId('shared1.rproxy'), vmId('shared1.web'), 'web')!;
        expect(web.label.map(l => [l.companies, l.text])).toEqual([[['wayne'], 'www, webmail'], [['globex'], 'www, webmail'], [['initech'], 'webmail']]);
    });

    it('two servers: the copies on south are fed from north', async () => {
        const graph = buildDiagramGraph(await resolveExample('two-servers'));
        expect(edge(graph, vmId('north.auth'), vmId('south.auth2'), 'replica')?.label.map(l => l.text)).toEqual(['ldap replica', 'dns secondary']);
        expect(edge(graph, vmId('north.meet'), vmId('south.jvb2'), 'replica')?.label.map(l => l.text)).toEqual(['videobridge for']);
        // Every VM is reached by some edge (an invisible anchor at worst), so none floats to the far left.
        const reached = new Set(graph.edges.map(e => e.to));
        graph.nodes.filter(n => n.kind === 'vm').forEach(n => expect(reached.has(n.id), n.id).toBe(true));
    });

    it('company colours stay distinct well beyond the palette', () => {
        const colours = Array.from({ length: 40 }, (_, i) => companyColour(i));
        expect(new Set(colours).size).toBe(40);
        colours.forEach(c => expect(c).toMatch(/^#[0-9A-F]{6}$/));
    });
});
