import dagre from '@dagrejs/dagre';
import { legendLayout, type LegendLayout } from './diagram-legend.js';
import { blockSize, FONT_SIZE, LINE_HEIGHT, textWidth } from './diagram-text.js';
import type { DiagramEdge, DiagramGraph, DiagramGroup, DiagramNode } from './diagram-types.js';

/**
 * Positions for the diagram graph, by dagre's layered layout (left to right: internet, public
 * addresses, the VMs the forwards reach, what those pass on to, the mail clients).
 *
 * Why @dagrejs/dagre rather than elkjs (both maintained, both tried in Node 24 and in an esbuild
 * CJS bundle): dagre lays out synchronously, as the generator renders (generateInfrastructure is
 * synchronous and shared by the CLI, the server and the tests), and adds about 48 KB to a bundle;
 * elkjs only answers through a Promise (a fake worker on setTimeout) and adds about 1.5 MB of
 * GWT-compiled Java. Our graphs are small (tens of boxes) and need compound groups (server ⊃ guest
 * network ⊃ VM) and edge labels, which dagre has; elk's port constraints we do not need.
 *
 * dagre sizes leaf boxes and routes edges; group boxes are computed here from their contents (with
 * room for the group's heading), because dagre leaves no room for a cluster's title.
 */

export interface Box {
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

export interface Point {
    readonly x: number;
    readonly y: number;
}

export interface PlacedNode extends Box { readonly node: DiagramNode }
export interface PlacedGroup extends Box { readonly group: DiagramGroup }
export interface PlacedEdge {
    readonly edge: DiagramEdge;
    readonly points: readonly Point[];
    /** The label's box, when the edge has one. */
    readonly label?: Box;
}

export interface DiagramLayout {
    readonly width: number;
    readonly height: number;
    readonly legend: LegendLayout & Point;
    readonly groups: readonly PlacedGroup[];
    readonly nodes: readonly PlacedNode[];
    /** Drawn edges only (anchors are left out). */
    readonly edges: readonly PlacedEdge[];
}

export const NODE_PAD_X = 10;
export const NODE_PAD_Y = 7;
export const GROUP_PAD = 14;
/** Room above a group's contents for its title line. */
export const GROUP_HEADER = FONT_SIZE.text * LINE_HEIGHT + 6;
const LABEL_PAD = 4;
const MARGIN = 16;
const LEGEND_GAP = 18;

interface NodeLabel { width: number, height: number, x?: number, y?: number }
interface EdgeLabel { width: number, height: number, points?: Point[], x?: number, y?: number, labelpos?: 'c', weight?: number, minlen?: number }

export function layoutDiagram(graph: DiagramGraph): DiagramLayout {
    const g = new dagre.graphlib.Graph<object, NodeLabel, EdgeLabel>({ compound: true, multigraph: true });
    // Separations leave room for two nested group frames (padding and heading) between neighbours.
    g.setGraph({ rankdir: 'LR', nodesep: 2 * (GROUP_PAD + GROUP_HEADER), ranksep: 70, edgesep: 16, marginx: 0, marginy: 0 });
    for (const group of graph.groups) {
        // The size only counts for a group left empty (a server with no VM yet): dagre sizes the others.
        g.setNode(group.id, { width: textWidth(group.title, 'text') + 2 * GROUP_PAD, height: GROUP_HEADER + 2 * GROUP_PAD });
    }
    for (const group of graph.groups.filter(grp => grp.parent !== undefined)) {
        g.setParent(group.id, group.parent!);
    }
    for (const node of graph.nodes) {
        const size = blockSize(node.lines);
        g.setNode(node.id, { width: size.width + 2 * NODE_PAD_X, height: size.height + 2 * NODE_PAD_Y });
        if (node.group) {
            g.setParent(node.id, node.group);
        }
    }
    graph.edges.forEach((edge, index) => g.setEdge(edge.from, edge.to, edgeLabel(edge), String(index)));
    dagre.layout(g);

    const nodes = graph.nodes.map((node): PlacedNode => ({ node, ...topLeft(g.node(node.id)) }));
    const groups = groupBoxes(graph.groups, nodes, id => topLeft(g.node(id)));
    const edges = graph.edges.flatMap((edge, index): PlacedEdge[] => {
        if (edge.kind === 'anchor') {
            return [];
        }
        const laid = g.edge(edge.from, edge.to, String(index));
        const label = edge.label.length > 0 && laid.x !== undefined ? topLeft(laid as Required<EdgeLabel>) : undefined;
        return [{ edge, points: laid.points ?? [], ...(label ? { label } : {}) }];
    });
    return placeBelowLegend(legendLayout(graph), groups, nodes, edges);
}

function edgeLabel(edge: DiagramEdge): EdgeLabel {
    // Anchors only hold a VM in its column: they must not pull it around.
    const weight = edge.kind === 'anchor' ? 0 : edge.kind === 'forward' || edge.kind === 'uplink' ? 2 : 1;
    if (edge.label.length === 0) {
        return { width: 0, height: 0, weight, minlen: 1 };
    }
    const size = blockSize(edge.label);
    return { width: size.width + 2 * LABEL_PAD, height: size.height + 2 * LABEL_PAD, labelpos: 'c', weight, minlen: 1 };
}

function topLeft(center: { x?: number, y?: number, width: number, height: number }): Box {
    return { x: center.x! - center.width / 2, y: center.y! - center.height / 2, width: center.width, height: center.height };
}

/** Each group around its nodes and inner groups, innermost first, with its heading on top. */
function groupBoxes(groups: readonly DiagramGroup[], nodes: readonly PlacedNode[], empty: (id: string) => Box): PlacedGroup[] {
    const placed = new Map<string, PlacedGroup>();
    const depth = (group: DiagramGroup): number => (group.parent ? 1 + depth(groups.find(g => g.id === group.parent)!) : 0);
    for (const group of [...groups].sort((a, b) => depth(b) - depth(a))) {
        const members: Box[] = [
            ...nodes.filter(n => n.node.group === group.id),
            ...groups.filter(g => g.parent === group.id).map(g => placed.get(g.id)!).filter(Boolean)
        ];
        if (members.length === 0) {
            placed.set(group.id, { group, ...empty(group.id) });
            continue;
        }
        const inner = union(members);
        const titleWidth = textWidth(group.title, 'text') + 2 * GROUP_PAD;
        const width = Math.max(inner.width + 2 * GROUP_PAD, titleWidth);
        placed.set(group.id, {
            group,
            x: inner.x - GROUP_PAD - (width - inner.width - 2 * GROUP_PAD) / 2,
            y: inner.y - GROUP_PAD - GROUP_HEADER,
            width,
            height: inner.height + 2 * GROUP_PAD + GROUP_HEADER
        });
    }
    return groups.map(group => placed.get(group.id)!);
}

function union(boxes: readonly Box[]): Box {
    if (boxes.length === 0) {
        return { x: 0, y: 0, width: 0, height: 0 };
    }
    const left = Math.min(...boxes.map(b => b.x));
    const top = Math.min(...boxes.map(b => b.y));
    const right = Math.max(...boxes.map(b => b.x + b.width));
    const bottom = Math.max(...boxes.map(b => b.y + b.height));
    return { x: left, y: top, width: right - left, height: bottom - top };
}

/** Move everything so the picture starts at the margin, under the legend; size the whole. */
function placeBelowLegend(legend: LegendLayout, groups: PlacedGroup[], nodes: PlacedNode[], edges: PlacedEdge[]): DiagramLayout {
    const bounds = union([...groups, ...nodes, ...edges.flatMap(e => [...e.points.map(p => ({ ...p, width: 0, height: 0 })), ...(e.label ? [e.label] : [])])]);
    const dx = MARGIN - bounds.x;
    const dy = MARGIN + legend.height + LEGEND_GAP - bounds.y;
    const move = <T extends Box>(box: T): T => ({ ...box, x: box.x + dx, y: box.y + dy });
    return {
        width: Math.max(bounds.width, legend.width) + 2 * MARGIN,
        height: MARGIN + legend.height + LEGEND_GAP + bounds.height + MARGIN,
        legend: { ...legend, x: MARGIN, y: MARGIN },
        groups: groups.map(move),
        nodes: nodes.map(move),
        edges: edges.map(e => ({ edge: e.edge, points: e.points.map(p => ({ x: p.x + dx, y: p.y + dy })), ...(e.label ? { label: move(e.label) } : {}) }))
    };
}
