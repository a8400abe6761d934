import { describe, expect, it } from 'vitest';
import { buildDiagramGraph } from '../../src/diagram/diagram-graph.js';
import { layoutDiagram, type Box, type DiagramLayout } from '../../src/diagram/diagram-layout.js';
import { renderDiagramSvg } from '../../src/diagram/diagram.js';
import { EXAMPLES, resolveExample } from '../support/generation.js';

const overlaps = (a: Box, b: Box): boolean =>
    a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
const inside = (inner: Box, outer: Box): boolean =>
    inner.x >= outer.x && inner.y >= outer.y && inner.x + inner.width <= outer.x + outer.width && inner.y + inner.height <= outer.y + outer.height;

/** Every pair of `boxes` that overlaps, by name. */
function overlapping<T extends Box>(boxes: readonly T[], name: (box: T) => string): string[] {
    return boxes.flatMap((a, i) => boxes.slice(i + 1).filter(b => overlaps(a, b)).map(b => `${name(a)} × ${name(b)}`));
}

async function exampleLayout(example: string): Promise<DiagramLayout> {
    return layoutDiagram(buildDiagramGraph(await resolveExample(example)));
}

describe('diagram layout', () => {
    for (const example of EXAMPLES) {
        it(`${example}: no two boxes overlap, and each sits inside its guest network and server`, async () => {
            const layout = await exampleLayout(example);
            const vms = layout.nodes.filter(n => n.node.kind === 'vm');
            expect(vms.length).toBeGreaterThan(1);
            expect(overlapping(vms, n => n.node.id)).toEqual([]);
            expect(overlapping(layout.nodes, n => n.node.id)).toEqual([]);
            expect(overlapping(layout.groups.filter(g => g.group.kind === 'server'), g => g.group.id)).toEqual([]);
            for (const placed of layout.nodes.filter(n => n.node.group)) {
                const group = layout.groups.find(g => g.group.id === placed.node.group)!;
                expect(inside(placed, group), `${placed.node.id} in ${group.group.id}`).toBe(true);
            }
            for (const network of layout.groups.filter(g => g.group.parent)) {
                const server = layout.groups.find(g => g.group.id === network.group.parent)!;
                expect(inside(network, server), network.group.id).toBe(true);
            }
            // Outer boxes stay outside every server; the legend overlaps nothing.
            const servers = layout.groups.filter(g => g.group.kind === 'server');
            layout.nodes.filter(n => !n.node.group).forEach(n => servers.forEach(s => expect(overlaps(n, s), `${n.node.id} × ${s.group.id}`).toBe(false)));
            [...layout.nodes, ...layout.groups].forEach(box => expect(overlaps(box, layout.legend)).toBe(false));
        });

        it(`${example}: edge labels cover no box, and everything is within the picture`, async () => {
            const layout = await exampleLayout(example);
            const labels = layout.edges.flatMap(e => (e.label ? [e.label] : []));
            expect(labels.length).toBeGreaterThan(0);
            labels.forEach(label => layout.nodes.forEach(n => expect(overlaps(label, n), n.node.id).toBe(false)));
            const all: Box[] = [...layout.nodes, ...layout.groups, ...labels, layout.legend];
            all.forEach(box => expect(inside(box, { x: 0, y: 0, width: layout.width, height: layout.height })).toBe(true));
            layout.edges.flatMap(e => e.points).forEach(p => {
                expect(p.x).toBeGreaterThanOrEqual(0);
                expect(p.y).toBeGreaterThanOrEqual(0);
                expect(p.x).toBeLessThanOrEqual(layout.width);
                expect(p.y).toBeLessThanOrEqual(layout.height);
            });
        });

        it(`${example}: deterministic (the same model, byte for byte the same SVG)`, async () => {
            const infra = await resolveExample(example);
            expect(renderDiagramSvg(infra)).toBe(renderDiagramSvg(infra));
        });
    }

    it('a spec with no server yet draws the legend and the internet, without failing', () => {
        const layout = layoutDiagram(buildDiagramGraph({ companies: [], servers: [] }));
        expect(layout.nodes.map(n => n.node.kind)).toEqual(['internet']);
        expect(layout.width).toBeGreaterThan(0);
    });
});
