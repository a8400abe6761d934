import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, test, vi } from 'vitest';
import type { GeneratedFile } from '../../src/generator/file-set.js';
import type { GenerationInput } from '../../src/generator/generate.js';
import { defaultOutDir, generateSpec, platformNamed } from '../../src/generator/generate-spec.js';
import { OutputConflictError } from '../../src/generator/writer.js';
import { netbsd } from '../../src/platform/netbsd.js';
import { debian } from '../../src/platform/debian.js';
import { loadWorkspace } from '../support/workspace.js';

/**
 * The orchestration around the generator, tested on its own: the renderers are replaced by a
 * small file set whose one secret comes from the store, as the real model's do.
 */
const generated = vi.hoisted(() => ({ inputs: [] as GenerationInput[] }));
vi.mock('../../src/generator/generate.js', () => ({
    generateInfrastructure: (input: GenerationInput) => {
        generated.inputs.push(input);
        const files: GeneratedFile[] = [
            { host: 'hv1', path: '/etc/rc.conf', mode: 0o644, content: 'npf=YES\n' },
            { host: 'hv1.auth', path: '/usr/pkg/etc/openldap/slapd.conf', mode: 0o640, group: 'ldap', content: `rootpw ${input.secrets.password('ldap:admin')}\n` },
            { host: null, path: 'README.md', mode: 0o644, content: '# Deploy\n' }
        ];
        return { infra: { companies: [], servers: [] }, files };
    }
}));

const goodSpec = 'company acme "Acme" {\n    domain acme.example\n    user alice "Alice"\n}\n'
    + 'server hv1 {\n    public 203.0.113.10 on wm0\n    network 10.0.0.0/24\n    hosts acme\n}\n';
const brokenSpec = 'company acme {\n    user bob { groups nobody }\n}\n';

function tempPaths(): { specPath: string, outDir: string, secrets: string } {
    const dir = mkdtempSync(join(tmpdir(), 'companykit-generate-'));
    const specPath = join(dir, 'acme.company');
    return { specPath, outDir: defaultOutDir(specPath), secrets: join(dir, 'acme.secrets.json') };
}

async function documents(text: string) {
    return Object.values(await loadWorkspace({ 'acme.company': text }));
}

beforeEach(() => {
    generated.inputs.length = 0;
});

describe('generateSpec', () => {
    test('a spec with errors returns them with 1-based positions; nothing runs, nothing is written', async () => {
        const { specPath, outDir, secrets } = tempPaths();
        const result = await generateSpec({ documents: await documents(brokenSpec), specPath, outDir, target: { platform: netbsd }, check: false, force: false });
        expect(result.status).toBe('spec-errors');
        if (result.status === 'spec-errors') {
            expect(result.errors.length).toBeGreaterThan(0);
            expect(result.errors).toContainEqual(expect.objectContaining({ line: 2, message: expect.stringContaining('nobody') }));
        }
        expect(generated.inputs).toEqual([]);
        expect(existsSync(outDir)).toBe(false);
        expect(existsSync(secrets)).toBe(false);
    });

    test('writes the output and keeps the new secret beside the spec with mode 0600', async () => {
        const { specPath, outDir, secrets } = tempPaths();
        const progress: string[] = [];
        const result = await generateSpec({
            documents: await documents(goodSpec), specPath, outDir, target: { platform: netbsd }, check: false, force: false,
            onProgress: (m) => progress.push(m)
        });
        expect(result).toMatchObject({ status: 'written', files: 3, hosts: 2, written: 3, unchanged: 0, removed: 0, outDir });
        expect(result.status === 'written' && result.bytes).toBe(Buffer.byteLength('npf=YES\n# Deploy\n') + 'rootpw \n'.length + 24);
        expect(progress).toEqual(['resolving', 'rendered 3 files', 'writing']);
        expect(generated.inputs[0].specs.map((s) => s.companies[0]?.name)).toEqual(['acme']);
        const password = JSON.parse(readFileSync(secrets, 'utf-8')).passwords['ldap:admin'];
        expect(statSync(secrets).mode & 0o777).toBe(0o600);
        expect(readFileSync(join(outDir, 'hv1.auth/usr/pkg/etc/openldap/slapd.conf'), 'utf-8')).toBe(`rootpw ${password}\n`);
    });

    test('a second run reuses the secret: nothing written, nothing changed', async () => {
        const { specPath, outDir, secrets } = tempPaths();
        const docs = await documents(goodSpec);
        await generateSpec({ documents: docs, specPath, outDir, target: { platform: netbsd }, check: false, force: false });
        const before = readFileSync(secrets, 'utf-8');
        const again = await generateSpec({ documents: docs, specPath, outDir, target: { platform: netbsd }, check: false, force: false });
        expect(again).toMatchObject({ status: 'written', written: 0, unchanged: 3, removed: 0, secrets: { added: 0 } });
        expect(readFileSync(secrets, 'utf-8')).toBe(before);
        const check = await generateSpec({ documents: docs, specPath, outDir, target: { platform: netbsd }, check: true, force: false });
        expect(check).toEqual({ status: 'check', changes: [], files: 3, outDir });
    });

    test('--check lists what would change and writes nothing, not even the secrets file', async () => {
        const { specPath, outDir, secrets } = tempPaths();
        const result = await generateSpec({ documents: await documents(goodSpec), specPath, outDir, target: { platform: netbsd }, check: true, force: false });
        expect(result.status === 'check' && result.changes.map((c) => `${c.kind} ${c.file}`)).toEqual([
            'new README.md', 'new hv1.auth/usr/pkg/etc/openldap/slapd.conf', 'new hv1/etc/rc.conf', 'new manifest.json'
        ]);
        expect(existsSync(outDir)).toBe(false);
        expect(existsSync(secrets)).toBe(false);
    });

    test('a conflict is refused before the secrets file is written', async () => {
        const { specPath, outDir, secrets } = tempPaths();
        mkdirSync(outDir, { recursive: true });
        writeFileSync(join(outDir, 'README.md'), 'mine\n');
        const run = (force: boolean) => documents(goodSpec)
            .then((docs) => generateSpec({ documents: docs, specPath, outDir, target: { platform: netbsd }, check: false, force }));
        await expect(run(false)).rejects.toBeInstanceOf(OutputConflictError);
        expect(existsSync(secrets)).toBe(false);
        expect(readFileSync(join(outDir, 'README.md'), 'utf-8')).toBe('mine\n');
        await expect(run(true)).resolves.toMatchObject({ status: 'written', written: 3 });
        expect(existsSync(secrets)).toBe(true);
    });
});

describe('defaultOutDir and platformNamed', () => {
    test('generated/<spec name> beside the spec', () => {
        expect(defaultOutDir('examples/acme.company')).toBe(join('examples', 'generated', 'acme'));
    });

    test('netbsd and debian are known; anything else (even an Object property name) is not', () => {
        expect(platformNamed('netbsd')).toBe(netbsd);
        expect(platformNamed('debian')).toBe(debian);
        expect(platformNamed('solaris')).toBeUndefined();
        expect(platformNamed('toString')).toBeUndefined();
    });
});
