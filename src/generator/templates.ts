import Handlebars from 'handlebars';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cString, hoconString, htmlText, jsonString, ldifLine, luaString, phpString, shellWord } from './template-escapes.js';

/**
 * Handlebars templates under `templates/<role>/`: config syntax only. Rendering is strict (a
 * field the model lacks is an error, never an empty string in a config) and does no HTML
 * escaping (these are config files, not web pages).
 */

const engine = Handlebars.create();
engine.registerHelper({
    join: (items: unknown[], separator: unknown) => (Array.isArray(items) ? items.join(typeof separator === 'string' ? separator : ', ') : ''),
    eq: (a: unknown, b: unknown) => a === b,
    not: (a: unknown) => !a,
    json: jsonString,
    php: phpString,
    lua: luaString,
    shell: shellWord,
    hocon: hoconString,
    quote: cString,
    html: htmlText,
    ldif: (attribute: string, value: unknown) => ldifLine(attribute, value),
    octal: (mode: number) => mode.toString(8).padStart(4, '0')
});

/** The `templates/` folder: found upward from this module (sources) or the bundle (out/*). */
function findTemplateRoot(): string {
    let dir = path.dirname(fileURLToPath(import.meta.url));
    for (;;) {
        const candidate = path.join(dir, 'templates');
        if (existsSync(path.join(candidate, 'README.md'))) {
            return candidate;
        }
        const parent = path.dirname(dir);
        if (parent === dir) {
            throw new Error('the templates folder was not found beside the program (a broken installation)');
        }
        dir = parent;
    }
}

let templateRoot: string | undefined;
const compiled = new Map<string, HandlebarsTemplateDelegate>();

/** Render `templates/<name>.hbs` (e.g. `auth/slapd.conf`) with the context. */
export function renderTemplate(name: string, context: object): string {
    let template = compiled.get(name);
    if (!template) {
        templateRoot ??= findTemplateRoot();
        const source = readFileSync(path.join(templateRoot, `${name}.hbs`), 'utf-8');
        template = engine.compile(source, { strict: true, noEscape: true, preventIndent: true });
        compiled.set(name, template);
    }
    const text = template(context);
    // A value the model left undefined or an object printed whole is a bug, never config text.
    const hole = /\bundefined\b|\[object Object\]|\bNaN\b/.exec(text);
    if (hole) {
        throw new Error(`template ${name} rendered "${hole[0]}" at offset ${hole.index}: a value is missing from the model`);
    }
    return text;
}
