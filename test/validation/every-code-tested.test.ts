import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { COMPANY_CODE_DESCRIPTIONS } from '../../src/language/validation/company-codes.js';
import { SERVER_CODE_DESCRIPTIONS } from '../../src/language/validation/server-codes.js';

const samplesDir = join(import.meta.dirname, 'samples');

/** Every diagnostic code is expected by at least one `$TEST$` line of a validation sample. */
test('every validation rule has a sample that expects its code', () => {
    const samples = readdirSync(samplesDir, { recursive: true, encoding: 'utf8' })
        .filter(f => f.endsWith('.company'))
        .map(f => readFileSync(join(samplesDir, f), 'utf8'))
        .join('\n');
    const expected = new Set([...samples.matchAll(/\$TEST\$\s+(?:error|warning|info)\s+([\w-]+)/g)].map(m => m[1]));
    const codes = [...Object.keys(COMPANY_CODE_DESCRIPTIONS), ...Object.keys(SERVER_CODE_DESCRIPTIONS)];
    expect(codes.filter(c => !expected.has(c))).toEqual([]);
});
