import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkSample, loadSamples, parseSample } from './sample-harness.js';

const samples = loadSamples(join(import.meta.dirname, 'samples'));

describe('validation samples', () => {
    test.each(samples.map(s => [s.name, s] as const))('%s', async (_name, sample) => {
        expect(await checkSample(sample)).toEqual([]);
    });
});

describe('sample harness', () => {
    test('finds the marked range with markers removed', () => {
        const sample = parseSample('t', 'a\n// $TEST$ error some-code "msg"\nuser »alice« x\n');
        expect(sample.text).toBe('a\n// $TEST$ error some-code "msg"\nuser alice x\n');
        expect(sample.expectations).toEqual([{
            kind: 'error', code: 'some-code', message: 'msg', line: 2,
            range: { start: { line: 2, character: 5 }, end: { line: 2, character: 10 } }
        }]);
    });

    test('fails a sample whose expected diagnostic is missing', async () => {
        const sample = parseSample('t', '// $TEST$ error no-such-code\ncompany »acme« { domain acme.example  user a { aliases postmaster, abuse  admin } }\n');
        expect(await checkSample(sample)).toHaveLength(1);
    });

    test('fails a sample with an unexpected error', async () => {
        const sample = parseSample('t', 'company acme { domain acme.example \n');
        expect((await checkSample(sample)).some(p => p.startsWith('unexpected error'))).toBe(true);
    });
});
