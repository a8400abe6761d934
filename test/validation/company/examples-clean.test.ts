import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { COMPANY_CODE_DESCRIPTIONS } from '../../../src/language/validation/company-codes.js';
import { parseSpec } from '../../support/services.js';

const examplesDir = join(import.meta.dirname, '..', '..', '..', 'examples');
const companyCodes = new Set(Object.keys(COMPANY_CODE_DESCRIPTIONS));

describe('examples against the company rules', () => {
    test.each(readdirSync(examplesDir).filter(f => f.endsWith('.company')))('%s has no company error or warning', async (file) => {
        const document = await parseSpec(readFileSync(join(examplesDir, file), 'utf8'));
        const problems = (document.diagnostics ?? [])
            .filter(d => typeof d.code === 'string' && companyCodes.has(d.code) && (d.severity ?? 1) <= 2)
            .map(d => `${d.range.start.line + 1}: ${d.code} ${d.message}`);
        expect(problems).toEqual([]);
    });

    test('a spec with servers only gets no company diagnostic', async () => {
        const document = await parseSpec('server hv1 { public 203.0.113.10 on wm0 }\n');
        expect((document.diagnostics ?? []).filter(d => typeof d.code === 'string' && companyCodes.has(d.code))).toEqual([]);
    });
});
