/**
 * Text and attribute values for the SVG. Names, display names and domains come from the spec, so
 * every one goes through here: the five markup characters become entities, and characters XML 1.0
 * forbids (control characters, lone surrogates, U+FFFE/U+FFFF) become U+FFFD rather than making
 * the whole file unreadable.
 */

const FORBIDDEN = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

export function escapeXml(text: string): string {
    return text.replace(FORBIDDEN, '\uFFFD').replace(/[&<>"']/g, char => ENTITIES[char]!);
}

/** A coordinate or length with at most one decimal: stable output, small files. */
export function num(value: number): string {
    const rounded = Math.round(value * 10) / 10;
    return Object.is(rounded, -0) ? '0' : String(rounded);
}
