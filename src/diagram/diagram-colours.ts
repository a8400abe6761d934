/**
 * One colour per company, in the order the model lists them. The first ones are the Okabe–Ito
 * palette (told apart with the common colour-vision deficiencies) without its yellow and black,
 * which vanish on white or read as "no company"; further companies get hues a golden angle apart,
 * so any number of them stay distinct and the first colours never change when one is added.
 */

const PALETTE: readonly string[] = ['#0072B2', '#D55E00', '#009E73', '#CC79A7', '#E69F00', '#56B4E9', '#8C564B', '#7F3C8D'];
const GOLDEN_ANGLE = 137.508;

/** Lines, borders and text of what serves no single company (shared VMs, port forwards). */
export const NEUTRAL_COLOUR = '#5A6472';

export function companyColour(index: number): string {
    if (index < PALETTE.length) {
        return PALETTE[index]!;
    }
    const step = index - PALETTE.length;
    // Saturation and lightness alternate too, so two hues that land close still differ.
    return hslToHex((step * GOLDEN_ANGLE + 20) % 360, step % 2 === 0 ? 0.62 : 0.48, step % 3 === 0 ? 0.38 : 0.46);
}

/** `colour` mixed with white: `amount` 0 is white, 1 the colour itself (a box's fill behind dark text). */
export function tint(colour: string, amount: number): string {
    const [r, g, b] = [1, 3, 5].map(i => parseInt(colour.slice(i, i + 2), 16));
    return rgbToHex([r!, g!, b!].map(c => 255 - (255 - c) * amount));
}

function hslToHex(hue: number, saturation: number, lightness: number): string {
    const chroma = (1 - Math.abs(2 * lightness - 1)) * saturation;
    const x = chroma * (1 - Math.abs(((hue / 60) % 2) - 1));
    const m = lightness - chroma / 2;
    const sector = Math.floor(hue / 60) % 6;
    const [r, g, b] = [[chroma, x, 0], [x, chroma, 0], [0, chroma, x], [0, x, chroma], [x, 0, chroma], [chroma, 0, x]][sector]!;
    return rgbToHex([r!, g!, b!].map(c => (c + m) * 255));
}

function rgbToHex(channels: readonly number[]): string {
    return `#${channels.map(c => Math.round(Math.min(255, Math.max(0, c))).toString(16).padStart(2, '0')).join('').toUpperCase()}`;
}
