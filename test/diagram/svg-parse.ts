import { SaxesParser } from 'saxes';

/**
 * A strict XML 1.0 parse of an SVG (saxes: well-formedness errors, undefined entities, forbidden
 * characters, duplicate attributes and `<` in attribute values are all errors). What a test needs
 * back: the errors, the root, each element with its attributes, and each text node as decoded text.
 */
export interface ParsedSvg {
    readonly errors: readonly string[];
    readonly root?: string;
    readonly elements: readonly { readonly name: string, readonly attributes: Readonly<Record<string, string>> }[];
    readonly texts: readonly string[];
}

export function parseSvg(svg: string): ParsedSvg {
    const parser = new SaxesParser({ xmlns: true });
    const errors: string[] = [];
    const elements: { name: string, attributes: Record<string, string> }[] = [];
    const texts: string[] = [];
    let root: string | undefined;
    parser.on('error', error => errors.push(error.message));
    parser.on('opentag', tag => {
        root ??= `${tag.uri} ${tag.local}`;
        elements.push({ name: tag.local, attributes: Object.fromEntries(Object.values(tag.attributes).map(a => [a.name, a.value])) });
    });
    parser.on('text', text => texts.push(text));
    try {
        parser.write(svg).close();
    } catch (error) {
        errors.push(String(error));
    }
    return { errors, ...(root ? { root } : {}), elements, texts };
}
