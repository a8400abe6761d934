import type { DiagramLine, LineStyle } from './diagram-types.js';

/**
 * Text sizes without a browser: the diagram uses a monospace font, so a line's width is its
 * character count times the font's advance (0.6 em for DejaVu Sans Mono, Menlo, Consolas and
 * Courier alike). East Asian wide characters count double. The layout sizes boxes with these
 * numbers and the SVG draws with the same font, so text stays inside its box.
 */

export const FONT_FAMILY = "'DejaVu Sans Mono', Menlo, Consolas, 'Liberation Mono', monospace";
const ADVANCE_EM = 0.6;

export const FONT_SIZE: Readonly<Record<LineStyle, number>> = { title: 13, text: 12, muted: 11 };
export const LINE_HEIGHT = 1.4;
/** A company swatch before a line: its diameter plus the gap after it. */
export const SWATCH_SIZE = 8;
export const SWATCH_GAP = 5;

/** Wide (East Asian full-width) characters: a rough but safe over-estimate of their advance. */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6\u{1F300}-\u{1FAFF}\u{20000}-\u{3FFFD}]/u;

export function textWidth(text: string, style: LineStyle): number {
    let columns = 0;
    for (const char of text) {
        columns += WIDE.test(char) ? 2 : 1;
    }
    return columns * FONT_SIZE[style] * ADVANCE_EM;
}

export function lineWidth(line: DiagramLine): number {
    const swatches = line.companies?.length ?? 0;
    return swatches * (SWATCH_SIZE + 2) + (swatches > 0 ? SWATCH_GAP : 0) + textWidth(line.text, line.style);
}

export function lineHeight(line: Pick<DiagramLine, 'style'>): number {
    return FONT_SIZE[line.style] * LINE_HEIGHT;
}

/** Width and height of a block of lines, without padding. */
export function blockSize(lines: readonly DiagramLine[]): { width: number, height: number } {
    return {
        width: lines.reduce((widest, line) => Math.max(widest, lineWidth(line)), 0),
        height: lines.reduce((sum, line) => sum + lineHeight(line), 0)
    };
}
