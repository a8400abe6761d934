import type { Size } from '../generated/ast.js';

/** Markdown pieces of the hover summaries: a heading, code lists, labelled bullets. */

export function heading(kind: string, name: string, title?: string): string {
    return `**${kind}** \`${name}\`${title ? ` — ${title}` : ''}`;
}

export function code(text: string): string {
    return `\`${text}\``;
}

/** `a`, `b`, `c`; or `none` for an empty list. */
export function list(items: readonly string[], none = 'none'): string {
    return items.length > 0 ? items.map(code).join(', ') : none;
}

/** `- **Label:** value` per row; rows without a value are left out. */
export function bullets(rows: ReadonlyArray<[string, string | undefined]>): string {
    return rows.filter(([, value]) => value !== undefined).map(([label, value]) => `- **${label}:** ${value}`).join('\n');
}

/** A size as written: `2 GB`, or `2` without a unit. */
export function formatSize(size: Size | undefined): string | undefined {
    return size ? `${size.value}${size.unit ? ` ${size.unit}` : ''}` : undefined;
}
