import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { clearDocuments } from 'langium/test';
import { parseSpec, services } from '../support/services.js';

const examplesDir = join(import.meta.dirname, '..', '..', 'examples');
const examples = readdirSync(examplesDir).filter(f => f.endsWith('.company'));

describe('examples', () => {
    test('there are examples to check', () => {
        expect(examples).toContain('acme.company');
        expect(examples.length).toBeGreaterThanOrEqual(2);
    });

    test.each(examples)('%s parses, links and validates without errors', async (file) => {
        const document = await parseSpec(readFileSync(join(examplesDir, file), 'utf8'));
        const problems = [
            ...document.parseResult.lexerErrors.map(e => `lexer: ${e.message}`),
            ...document.parseResult.parserErrors.map(e => `parser: ${e.message} at ${e.token.startLine}`),
            ...(document.diagnostics ?? []).filter(d => d.severity === 1)
                .map(d => `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.message}`)
        ];
        expect(problems).toEqual([]);
        await clearDocuments(services.shared);
    });
});
