import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { outputPath } from '../../src/generator/file-set.js';
import { EXAMPLES, generateExample } from '../support/generation.js';

/**
 * Golden outputs: every file of every example, generated with the fixture secrets, compared byte
 * for byte with test/golden/<example>/. They were reviewed by reading; after a deliberate change,
 * regenerate with `UPDATE_GOLDEN=1 npx vitest run test/generator/golden.test.ts` and read the diff.
 */
const goldenRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../golden');

function listFiles(dir: string, prefix = ''): string[] {
    if (!existsSync(dir)) {
        return [];
    }
    return readdirSync(dir, { withFileTypes: true }).flatMap(entry => (entry.isDirectory()
        ? listFiles(path.join(dir, entry.name), `${prefix}${entry.name}/`)
        : [`${prefix}${entry.name}`])).sort();
}

describe('golden outputs', () => {
    for (const example of EXAMPLES) {
        it(`examples/${example}.company generates exactly the reviewed files`, async () => {
            const files = await generateExample(example);
            const dir = path.join(goldenRoot, example);
            if (process.env.UPDATE_GOLDEN) {
                rmSync(dir, { recursive: true, force: true });
                for (const file of files) {
                    const target = path.join(dir, outputPath(file));
                    mkdirSync(path.dirname(target), { recursive: true });
                    writeFileSync(target, file.content);
                }
            }
            expect(files.map(outputPath).sort()).toEqual(listFiles(dir));
            for (const file of files) {
                expect(file.content, outputPath(file)).toBe(readFileSync(path.join(dir, outputPath(file)), 'utf-8'));
            }
        });
    }
});
