import { renderDiagramSvg } from '../diagram/diagram.js';
import type { Infrastructure } from '../model/infrastructure.js';
import type { GeneratedFile } from './file-set.js';

/** `diagram.svg` at the output's root, beside the deploy guide that shows it: the picture of the whole infrastructure. */
export const DIAGRAM_FILE = 'diagram.svg';

export function renderDiagramFile(infra: Infrastructure): GeneratedFile {
    return { host: null, path: DIAGRAM_FILE, mode: 0o644, content: renderDiagramSvg(infra) };
}
