import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** A strict HOCON parse (@pushcorn/hocon-parser, CommonJS): the object, or the parser's error. */
export async function parseHocon(text: string): Promise<Record<string, unknown>> {
    const parse = require('@pushcorn/hocon-parser') as (options: { text: string, strict: boolean }) => Promise<Record<string, unknown>>;
    return parse({ text, strict: true });
}
