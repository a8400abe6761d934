import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { LangiumDocument } from 'langium';
import type { Spec } from '../../src/language/generated/ast.js';
import type { Infrastructure } from '../../src/model/infrastructure.js';
import { resolveInfrastructure } from '../../src/model/resolve.js';
import { SecretStore, type SecretsData } from '../../src/model/secrets.js';
import { renderInfrastructure, type RenderTarget } from '../../src/generator/generate.js';
import type { GeneratedFile } from '../../src/generator/file-set.js';
import type { GuestContext, RoleOutput } from '../../src/generator/guest-context.js';
import { serverNamed, vmByHost } from '../../src/model/locate.js';
import type { PlatformProfile } from '../../src/platform/profile.js';
import { netbsd, netbsdProfile } from '../../src/platform/netbsd.js';
import { parseSpec } from './services.js';

/**
 * The examples resolved and generated with FIXED secrets (test/fixtures/secrets/<example>.secrets.json,
 * test-only values committed on purpose), so model and golden tests are byte-stable. A model that
 * asks for a secret the fixture lacks fails the test, unless UPDATE_FIXTURES=1 adds it.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const EXAMPLES = ['acme', 'hosting', 'two-servers'] as const;
export type ExampleName = typeof EXAMPLES[number];

export const examplePath = (name: string): string => path.join(root, 'examples', `${name}.company`);
const fixturePath = (name: string): string => path.join(root, 'test', 'fixtures', 'secrets', `${name}.secrets.json`);

/**
 * Deterministic "random" bytes per secret key (a SHA-256 stream of example + key), so passwords and
 * tokens are stable whatever order the model asks for them in; only RSA keys (which cannot be
 * seeded) and handed-out ids live in the fixture files.
 */
function seededRandom(seed: string): (bytes: number, key: string) => Buffer {
    return (bytes: number, key: string) => {
        const chunks: Buffer[] = [];
        let total = 0;
        let counter = 0;
        while (total < bytes) {
            const chunk = createHash('sha256').update(`${seed}:${key}:${counter++}`).digest();
            chunks.push(chunk);
            total += chunk.length;
        }
        return Buffer.concat(chunks).subarray(0, bytes);
    };
}

export function fixtureSecrets(name: string): SecretStore {
    const file = fixturePath(name);
    const data = existsSync(file) ? JSON.parse(readFileSync(file, 'utf-8')) as SecretsData : undefined;
    return new SecretStore(data, seededRandom(name));
}

/** After a resolution: fail on RSA keys or ids missing from the fixture (not reproducible), or record them with UPDATE_FIXTURES=1. */
export function checkFixture(name: string, store: SecretStore): void {
    const file = fixturePath(name);
    const before = existsSync(file) ? JSON.parse(readFileSync(file, 'utf-8')) as SecretsData : undefined;
    const after = store.snapshot();
    const missing = [...Object.keys(after.keys).filter(k => !before?.keys[k]), ...Object.keys(after.ids).filter(k => before?.ids[k] === undefined)];
    if (missing.length === 0) {
        return;
    }
    if (process.env.UPDATE_FIXTURES) {
        writeFileSync(file, JSON.stringify({ version: 1, passwords: {}, tokens: {}, keys: { ...before?.keys, ...after.keys }, ids: { ...before?.ids, ...after.ids } }, null, 2) + '\n');
        return;
    }
    throw new Error(`the model asked for ${missing.join(', ')}, missing from ${file}; run with UPDATE_FIXTURES=1 to add them`);
}

export async function parseExample(name: string): Promise<LangiumDocument<Spec>> {
    const document = await parseSpec(readFileSync(examplePath(name), 'utf-8'));
    const errors = (document.diagnostics ?? []).filter(d => d.severity === 1);
    if (errors.length > 0) {
        throw new Error(`example ${name} has errors: ${errors.map(e => e.message).join('; ')}`);
    }
    return document;
}

export async function resolveExample(name: string): Promise<Infrastructure> {
    return (await exampleWithStore(name)).infra;
}

async function exampleWithStore(name: string): Promise<{ infra: Infrastructure, store: SecretStore }> {
    const document = await parseExample(name);
    const store = fixtureSecrets(name);
    const infra = resolveInfrastructure([document.parseResult.value], store);
    checkFixture(name, store);
    return { infra, store };
}

/** Every file of an example, rendered with the fixture secrets for the netbsd profile (or `target`). */
export async function generateExample(name: string, target: RenderTarget = { platform: netbsd }): Promise<GeneratedFile[]> {
    return (await generateExampleWithModel(name, target)).files;
}

/** The same, with the model the files were rendered from. */
export async function generateExampleWithModel(name: string, target: RenderTarget): Promise<{ infra: Infrastructure, files: GeneratedFile[] }> {
    const { infra, store } = await exampleWithStore(name);
    const files = renderInfrastructure(infra, target, store);
    checkFixture(name, store);
    return { infra, files };
}

/** The one generated file at `path` on `host`; throws listing the host's files when it is missing. */
export function fileAt(files: readonly GeneratedFile[], host: string, filePath: string): GeneratedFile {
    const file = files.find(f => f.host === host && f.path === filePath);
    if (!file) {
        const paths = files.filter(f => f.host === host).map(f => f.path);
        throw new Error(`no ${filePath} on ${host}; it has: ${paths.join(', ') || 'nothing'}`);
    }
    return file;
}

/** What a role renderer sees for the VM `host` (`server.vm`) of a resolved example. */
export function guestContext(infra: Infrastructure, host: string, secrets: SecretStore, profile: PlatformProfile = netbsdProfile): GuestContext {
    const vm = vmByHost(infra, host);
    return { infra, server: serverNamed(infra, vm.server), vm, profile, secrets };
}

/** The file a role wrote at `filePath`; throws listing what it wrote instead. */
export function roleFile(output: RoleOutput, filePath: string): GeneratedFile {
    const file = output.files.find(f => f.path === filePath);
    if (!file) {
        throw new Error(`no ${filePath}; the role wrote ${output.files.map(f => f.path).join(', ')}`);
    }
    return file;
}
