import type { DiagramGraph, DiagramLine, EdgeKind } from './diagram-types.js';
import { blockSize, lineHeight } from './diagram-text.js';

/**
 * The legend above the picture: the title, one row per company (its colour, display name and
 * domain) and the kinds of line. Sized here so the layout can leave room for it; drawn by the SVG
 * renderer from the same rows.
 */

export interface LegendRow {
    readonly line: DiagramLine;
    /** An edge kind drawn as a short sample line before the text. */
    readonly sample?: EdgeKind;
}

export const LEGEND_SAMPLE_WIDTH = 26;
const COLUMN_GAP = 36;
export const LEGEND_PAD = 10;
/** Not a company name (names are identifiers): the swatch of what several companies share, drawn in the neutral colour. */
export const SHARED_SWATCH = '*';

const EDGE_ROWS: readonly LegendRow[] = [
    { sample: 'forward', line: { text: 'port forward (public port)', style: 'muted' } },
    { sample: 'mail', line: { text: 'mail path (MX → mail → clients)', style: 'muted' } },
    { sample: 'web', line: { text: 'web path (proxy → backend)', style: 'muted' } },
    { sample: 'replica', line: { text: 'copy (replica, secondary, videobridge)', style: 'muted' } }
];

export interface LegendLayout {
    readonly title: DiagramLine;
    readonly companies: readonly LegendRow[];
    readonly edges: readonly LegendRow[];
    /** x of the second column, relative to the legend. */
    readonly edgeColumnX: number;
    /** y where the columns start, relative to the legend. */
    readonly columnsY: number;
    readonly width: number;
    readonly height: number;
}

export function legendLayout(graph: DiagramGraph): LegendLayout {
    const title: DiagramLine = { text: graph.title, style: 'title' };
    const companies: LegendRow[] = graph.companies.map(c => ({ line: { text: `${c.displayName} (${c.domain})`, style: 'text', companies: [c.name] } }));
    const shared: LegendRow[] = graph.companies.length > 1 ? [{ line: { text: 'shared by several companies', style: 'muted', companies: [SHARED_SWATCH] } }] : [];
    const companyRows = [...companies, ...shared];
    const companyBlock = blockSize(companyRows.map(r => r.line));
    const edgeBlock = blockSize(EDGE_ROWS.map(r => r.line));
    const edgeColumnX = LEGEND_PAD + (companyRows.length > 0 ? companyBlock.width + COLUMN_GAP : 0);
    const columnsY = LEGEND_PAD + lineHeight(title) + 4;
    const width = Math.max(blockSize([title]).width + 2 * LEGEND_PAD, edgeColumnX + LEGEND_SAMPLE_WIDTH + 6 + edgeBlock.width + LEGEND_PAD);
    const height = columnsY + Math.max(companyBlock.height, edgeBlock.height) + LEGEND_PAD;
    return { title, companies: companyRows, edges: EDGE_ROWS, edgeColumnX, columnsY, width, height };
}
