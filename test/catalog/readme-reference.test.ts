import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { renderLanguageReference } from '../../src/language/catalog/reference-markdown.js';

const readmePath = join(import.meta.dirname, '..', '..', 'README.md');
const BEGIN = '<!-- BEGIN language-reference (generated from src/language/catalog; UPDATE_README=1 npx vitest run test/catalog) -->';
const END = '<!-- END language-reference -->';

/** The README's language reference is the catalog's; `UPDATE_README=1` rewrites it. */
test('README language reference matches the keyword, role and service tables', () => {
    const readme = readFileSync(readmePath, 'utf8');
    const start = readme.indexOf(BEGIN);
    const end = readme.indexOf(END);
    expect(start, 'README lacks the reference markers').toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(start);
    const expected = `${BEGIN}\n\n${renderLanguageReference()}\n${END}`;
    const actual = readme.slice(start, end + END.length);
    if (process.env.UPDATE_README && actual !== expected) {
        writeFileSync(readmePath, readme.slice(0, start) + expected + readme.slice(end + END.length));
        return;
    }
    expect(actual).toBe(expected);
});
