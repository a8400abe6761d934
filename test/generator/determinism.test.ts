import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateInfrastructure } from '../../src/generator/generate.js';
import { SecretStore } from '../../src/model/secrets.js';
import { netbsd } from '../../src/platform/netbsd.js';
import { EXAMPLES, examplePath } from '../support/generation.js';
import { parseSpec } from '../support/services.js';

describe('determinism', () => {
    for (const example of EXAMPLES) {
        it(`${example}: the same spec and secrets give byte-identical files`, async () => {
            const spec = (await parseSpec(readFileSync(examplePath(example), 'utf-8'))).parseResult.value;
            const store = new SecretStore();
            const first = generateInfrastructure({ specs: [spec], secrets: store, target: { platform: netbsd } }).files;
            const again = new SecretStore(store.snapshot());
            const second = generateInfrastructure({ specs: [spec], secrets: again, target: { platform: netbsd } }).files;
            expect(again.addedCount).toBe(0);
            expect(second).toEqual(first);
        });
    }

    it('puts secrets only in files nobody else can read, and user passwords in none', async () => {
        const spec = (await parseSpec(readFileSync(examplePath('acme'), 'utf-8'))).parseResult.value;
        const store = new SecretStore();
        const files = generateInfrastructure({ specs: [spec], secrets: store, target: { platform: netbsd } }).files;
        const snapshot = store.snapshot();
        const pemBody = (pem: string) => pem.split('\n')[1];
        const secrets = [...Object.entries(snapshot.passwords), ...Object.entries(snapshot.tokens), ...Object.entries(snapshot.keys).map(([k, v]) => [k, pemBody(v)])];
        expect(secrets.length).toBeGreaterThan(10);
        for (const [key, value] of secrets) {
            const holders = files.filter(f => f.content.includes(value));
            if (key.startsWith('user:')) {
                expect(holders.map(f => f.path), `${key} must reach LDAP only as a hash`).toEqual([]);
            }
            for (const file of holders) {
                expect(file.mode & 0o007, `${file.host}:${file.path} holds ${key} but others can read it`).toBe(0);
            }
        }
    });
});
