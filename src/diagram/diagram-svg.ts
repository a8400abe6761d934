import { NEUTRAL_COLOUR, tint } from './diagram-colours.js';
import { GROUP_PAD, NODE_PAD_X, NODE_PAD_Y, type Box, type DiagramLayout, type PlacedEdge, type PlacedGroup, type PlacedNode } from './diagram-layout.js';
import { LEGEND_PAD, LEGEND_SAMPLE_WIDTH, SHARED_SWATCH, type LegendRow } from './diagram-legend.js';
import { FONT_FAMILY, FONT_SIZE, lineHeight, SWATCH_GAP, SWATCH_SIZE } from './diagram-text.js';
import type { DiagramGraph, DiagramLine, EdgeKind } from './diagram-types.js';
import { escapeXml, num } from './diagram-xml.js';

/**
 * Laid-out diagram → SVG text. Presentation attributes only (no <style>, no script): the file is
 * shown as an image in the deploy guide and inline in a webview whose Content-Security-Policy
 * allows no inline style or script. Every piece of text from the spec goes through escapeXml. VM
 * boxes carry `data-vm="<server.vm>"` so a test (or a reader of the file) can find each VM.
 */

interface EdgeStyle { readonly width: number, readonly dash?: string }

const EDGE_STYLE: Readonly<Record<Exclude<EdgeKind, 'anchor'>, EdgeStyle>> = {
    uplink: { width: 1.6 },
    forward: { width: 1.2 },
    mail: { width: 2.2 },
    web: { width: 2, dash: '8 4' },
    replica: { width: 1.6, dash: '2 4' }
};
const FORWARD_COLOUR = '#8A94A6';
const TEXT_COLOUR = '#1F2933';
const MUTED_COLOUR = '#52606D';

export function renderSvg(graph: DiagramGraph, layout: DiagramLayout): string {
    const colours = new Map(graph.companies.map(c => [c.name, c.colour]));
    const colourOf = (companies: readonly string[]): string => (companies.length === 1 ? colours.get(companies[0]!) ?? NEUTRAL_COLOUR : NEUTRAL_COLOUR);
    const edgeColour = (edge: PlacedEdge['edge']): string => (edge.kind === 'forward' ? FORWARD_COLOUR : colourOf(edge.companies));
    const markerColours = [...new Set([...layout.edges.map(e => edgeColour(e.edge)), NEUTRAL_COLOUR, FORWARD_COLOUR, ...colours.values()])];
    const swatch = (name: string): string => (name === SHARED_SWATCH ? NEUTRAL_COLOUR : colours.get(name) ?? NEUTRAL_COLOUR);
    const body = [
        `<rect width="${num(layout.width)}" height="${num(layout.height)}" fill="#FFFFFF"/>`,
        legend(layout, swatch, colourOf),
        ...layout.groups.map(groupSvg),
        ...layout.edges.map(e => edgeSvg(e, edgeColour(e.edge))),
        ...layout.nodes.map(n => nodeSvg(n, colourOf(n.node.companies), swatch)),
        ...layout.edges.filter(e => e.label).map(e => labelSvg(e.label!, e.edge.label, swatch))
    ];
    const w = num(layout.width);
    const h = num(layout.height);
    return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" `
        + `font-family="${escapeXml(FONT_FAMILY)}" role="img" aria-label="${escapeXml(graph.title)}" data-companykit="diagram">\n`
        + `<title>${escapeXml(graph.title)}</title>\n`
        + `<defs>${markerColours.map(marker).join('')}</defs>\n`
        + body.join('\n')
        + '\n</svg>\n';
}

const markerId = (colour: string): string => `ck-arrow-${colour.slice(1)}`;

function marker(colour: string): string {
    return `<marker id="${markerId(colour)}" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">`
        + `<path d="M0,0L10,5L0,10z" fill="${colour}"/></marker>`;
}

function groupSvg(placed: PlacedGroup): string {
    const server = placed.group.kind === 'server';
    const frame = server
        ? `fill="#F3F5F8" stroke="#7A8699" stroke-width="1.2"`
        : `fill="#FFFFFF" stroke="#9AA5B5" stroke-width="1" stroke-dasharray="5 3"`;
    const titleY = placed.y + GROUP_PAD / 2 + FONT_SIZE.text;
    return `<g data-group="${placed.group.kind}">`
        + `<rect x="${num(placed.x)}" y="${num(placed.y)}" width="${num(placed.width)}" height="${num(placed.height)}" rx="${server ? 10 : 8}" ${frame}/>`
        + `<text x="${num(placed.x + GROUP_PAD)}" y="${num(titleY)}" font-size="${FONT_SIZE.text}" font-weight="${server ? 700 : 400}" fill="${TEXT_COLOUR}">${escapeXml(placed.group.title)}</text>`
        + '</g>';
}

function nodeFrame(placed: PlacedNode, colour: string): string {
    switch (placed.node.kind) {
        case 'internet':
        case 'clients':
            return `rx="16" fill="#EEF1F5" stroke="${NEUTRAL_COLOUR}" stroke-width="1.4"`;
        case 'public':
            return `rx="6" fill="#FFF8E6" stroke="#B07D00" stroke-width="1.4"`;
        case 'vm':
            return `rx="6" fill="${colour === NEUTRAL_COLOUR ? '#FFFFFF' : tint(colour, 0.12)}" stroke="${colour}" stroke-width="1.8"`;
    }
}

function nodeSvg(placed: PlacedNode, colour: string, swatch: (name: string) => string): string {
    const { node } = placed;
    const open = node.host === undefined ? `<g data-node="${node.kind}">` : `<g data-node="vm" data-vm="${escapeXml(node.host)}">`;
    return open
        + `<rect x="${num(placed.x)}" y="${num(placed.y)}" width="${num(placed.width)}" height="${num(placed.height)}" ${nodeFrame(placed, colour)}/>`
        + textBlock(node.lines, placed.x + NODE_PAD_X, placed.y + NODE_PAD_Y, swatch)
        + '</g>';
}

/** Lines from the top-left corner down: swatches first, then the text on its baseline. */
function textBlock(lines: readonly DiagramLine[], x: number, top: number, swatch: (name: string) => string): string {
    let y = top;
    let out = '';
    for (const line of lines) {
        const height = lineHeight(line);
        const companies = line.companies ?? [];
        companies.forEach((company, i) => {
            out += `<circle cx="${num(x + i * (SWATCH_SIZE + 2) + SWATCH_SIZE / 2)}" cy="${num(y + height / 2)}" r="${SWATCH_SIZE / 2}" fill="${swatch(company)}"/>`;
        });
        const textX = x + companies.length * (SWATCH_SIZE + 2) + (companies.length > 0 ? SWATCH_GAP : 0);
        const baseline = y + height / 2 + FONT_SIZE[line.style] * 0.35;
        const weight = line.style === 'title' ? ' font-weight="700"' : '';
        const fill = line.style === 'muted' ? MUTED_COLOUR : TEXT_COLOUR;
        out += `<text x="${num(textX)}" y="${num(baseline)}" font-size="${FONT_SIZE[line.style]}"${weight} fill="${fill}" xml:space="preserve">${escapeXml(line.text)}</text>`;
        y += height;
    }
    return out;
}

function edgeSvg(placed: PlacedEdge, colour: string): string {
    const style = EDGE_STYLE[placed.edge.kind as Exclude<EdgeKind, 'anchor'>];
    const d = placed.points.map((p, i) => `${i === 0 ? 'M' : 'L'}${num(p.x)},${num(p.y)}`).join('');
    const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
    return `<path data-edge="${placed.edge.kind}" d="${d}" fill="none" stroke="${colour}" stroke-width="${style.width}"${dash} `
        + `stroke-linejoin="round" marker-end="url(#${markerId(colour)})"/>`;
}

function labelSvg(box: Box, lines: readonly DiagramLine[], swatch: (name: string) => string): string {
    return `<g data-label="edge"><rect x="${num(box.x)}" y="${num(box.y)}" width="${num(box.width)}" height="${num(box.height)}" rx="3" fill="#FFFFFF" fill-opacity="0.92"/>`
        + textBlock(lines, box.x + 4, box.y + 4, swatch) + '</g>';
}

function legend(layout: DiagramLayout, swatch: (name: string) => string, colourOf: (companies: readonly string[]) => string): string {
    const { legend: l } = layout;
    const rows = (list: readonly LegendRow[], x: number): string => {
        let y = l.y + l.columnsY;
        return list.map(row => {
            const height = lineHeight(row.line);
            let out = '';
            let textX = x;
            if (row.sample && row.sample !== 'anchor') {
                const style = EDGE_STYLE[row.sample];
                const colour = row.sample === 'forward' ? FORWARD_COLOUR : colourOf([]);
                const dash = style.dash ? ` stroke-dasharray="${style.dash}"` : '';
                out += `<path d="M${num(x)},${num(y + height / 2)}h${LEGEND_SAMPLE_WIDTH}" stroke="${colour}" stroke-width="${style.width}"${dash}/>`;
                textX = x + LEGEND_SAMPLE_WIDTH + 6;
            }
            out += textBlock([row.line], textX, y, swatch);
            y += height;
            return out;
        }).join('');
    };
    return `<g data-legend="">`
        + `<rect x="${num(l.x)}" y="${num(l.y)}" width="${num(l.width)}" height="${num(l.height)}" rx="6" fill="#FAFBFC" stroke="#D0D5DD"/>`
        + textBlock([l.title], l.x + LEGEND_PAD, l.y + LEGEND_PAD, swatch)
        + rows(l.companies, l.x + LEGEND_PAD)
        + rows(l.edges, l.x + l.edgeColumnX)
        + '</g>';
}
