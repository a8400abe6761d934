import { describe, expect, test } from 'vitest';
import { acmeText } from './server-harness.js';
import { megabyteJunk, megabyteSpec, nastyDocuments, randomDocument } from './bad-input.js';
import { ProblemTally, problemsWith } from './document-invariants.js';

// In process, for speed: the parser, linker, checks, completion and hover must cope with
// any text. Each failure lists the problems so that the document can be reproduced.

describe('half-typed files: every prefix of examples/acme.company by lines', () => {
    const lines = acmeText.split('\n');

    test(`all ${lines.length} prefixes`, async () => {
        const tally = new ProblemTally();
        for (let n = 0; n <= lines.length; n++) {
            tally.add(`prefix of ${n} lines`, await problemsWith(lines.slice(0, n).join('\n')));
        }
        expect(tally.report()).toEqual([]);
    }, 120_000);

    test('every prefix of the server block by characters', async () => {
        const serverStart = acmeText.indexOf('server hv1');
        const tally = new ProblemTally();
        for (let end = serverStart; end <= acmeText.length; end += 1) {
            tally.add(`prefix of ${end} characters`, await problemsWith(acmeText.slice(0, end)));
        }
        expect(tally.report()).toEqual([]);
    }, 120_000);
});

describe('random documents (seeded, reproducible)', () => {
    // Seeds 1..300: a third random bytes, a third word soup, a third mutations of acme.
    const seeds = Array.from({ length: 300 }, (_, i) => i + 1);

    test(`${seeds.length} documents from seeds 1..${seeds.length}`, async () => {
        const tally = new ProblemTally();
        for (const seed of seeds) {
            tally.add(`seed ${seed}`, await problemsWith(randomDocument(seed, acmeText)));
        }
        expect(tally.report()).toEqual([]);
    }, 120_000);
});

describe('nasty documents', () => {
    test.each(nastyDocuments(acmeText))('%s', async (_name, text) => {
        expect(await problemsWith(text)).toEqual([]);
    }, 60_000);

    test('about 1 MB of valid spec', async () => {
        const text = megabyteSpec();
        expect(text.length).toBeGreaterThan(900_000);
        expect(await problemsWith(text)).toEqual([]);
    }, 120_000);

    test('about 1 MB of word soup', async () => {
        expect(await problemsWith(megabyteJunk())).toEqual([]);
    }, 120_000);
});
