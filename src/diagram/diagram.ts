import type { Infrastructure } from '../model/infrastructure.js';
import { buildDiagramGraph } from './diagram-graph.js';
import { layoutDiagram } from './diagram-layout.js';
import { renderSvg } from './diagram-svg.js';

/**
 * The infrastructure diagram: model → graph → layout → SVG, each stage pure. The generator writes
 * it as diagram.svg and the language server sends it to the editor's diagram panel; both call this.
 */
export function renderDiagramSvg(infra: Infrastructure): string {
    const graph = buildDiagramGraph(infra);
    return renderSvg(graph, layoutDiagram(graph));
}
