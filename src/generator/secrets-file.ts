import { readFile, stat, chmod } from 'node:fs/promises';
import * as path from 'node:path';
import { emptySecrets, SecretStore, type SecretsData } from '../model/secrets.js';
import { syncDirectory, writeFileAtomic } from './atomic-file.js';

/**
 * The secrets kept beside a spec: `<spec dir>/<spec name without .company>.secrets.json`, mode
 * 0600. Messages here name the file and the key at most, never a value.
 */
export function secretsPath(specPath: string): string {
    const base = path.basename(specPath).replace(/\.company$/, '');
    return path.join(path.dirname(specPath), `${base}.secrets.json`);
}

/** The secrets file cannot be used as it is; the user has to look at it (nothing was written). */
export class SecretsFileError extends Error {
    constructor(readonly file: string, problem: string, advice: string) {
        super(`${file}: ${problem}; ${advice}`);
        this.name = 'SecretsFileError';
    }
}

export interface SaveSecretsResult {
    readonly file: string;
    /** New values were added to the file (the number the store created). */
    readonly added: number;
    /** The file existed with a mode wider than 0600 and was set to 0600. */
    readonly tightened: boolean;
}

const SECRETS_MODE = 0o600;
const SECTIONS = ['passwords', 'tokens', 'keys', 'ids'] as const;

/** The store for a spec: empty when no file exists yet, else the values in the file. */
export async function loadSecrets(specPath: string): Promise<SecretStore> {
    const data = await readSecretsFile(secretsPath(specPath));
    return new SecretStore(data ?? emptySecrets());
}

/**
 * Keep the values the store created: merged with what is in the file NOW (another run may have
 * added values since loading), so no value on disk is ever dropped or replaced. Written only when
 * something was added, atomically, with mode 0600. An existing file readable by others is set to 0600.
 */
export async function saveSecrets(specPath: string, store: SecretStore): Promise<SaveSecretsResult> {
    const file = secretsPath(specPath);
    const tightened = await tightenMode(file);
    if (store.addedCount === 0) {
        return { file, added: 0, tightened };
    }
    const merged = mergeSecrets(file, (await readSecretsFile(file)) ?? emptySecrets(), store.snapshot());
    await writeFileAtomic(file, JSON.stringify(merged, null, 2) + '\n', SECRETS_MODE);
    await syncDirectory(path.dirname(file));
    return { file, added: store.addedCount, tightened };
}

/**
 * Values on disk win, new keys are added. A key holding a different value on disk than in the
 * store means the file changed while generating: the output just rendered used the other value,
 * so refuse rather than keep a value that no file on disk matches.
 */
function mergeSecrets(file: string, disk: SecretsData, store: SecretsData): SecretsData {
    const merged = emptySecrets();
    for (const section of SECTIONS) {
        const target = merged[section] as Record<string, string | number>;
        const onDisk = disk[section] as Record<string, string | number>;
        const fromStore = store[section] as Record<string, string | number>;
        for (const key of [...new Set([...Object.keys(onDisk), ...Object.keys(fromStore)])].sort()) {
            if (key in onDisk && key in fromStore && onDisk[key] !== fromStore[key]) {
                throw new SecretsFileError(file, `${section}["${key}"] was changed while generating`,
                    'nothing was written; run the command again');
            }
            target[key] = key in onDisk ? onDisk[key] : fromStore[key];
        }
    }
    return merged;
}

/** Set an existing file to 0600 when group or others may read it; true when it had to. */
async function tightenMode(file: string): Promise<boolean> {
    const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') {
            return undefined;
        }
        throw new SecretsFileError(file, `cannot read it (${error.code ?? error.message})`, 'check its permissions');
    });
    if (!info || (info.mode & 0o777 & ~SECRETS_MODE) === 0) {
        return false;
    }
    await chmod(file, SECRETS_MODE);
    return true;
}

/** The file's data, or undefined when it does not exist. */
async function readSecretsFile(file: string): Promise<SecretsData | undefined> {
    let text: string;
    try {
        text = await readFile(file, 'utf-8');
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
            return undefined;
        }
        throw new SecretsFileError(file, `cannot read it (${code ?? String(error)})`,
            'check its permissions; it must stay beside the spec, readable by you only');
    }
    let data: unknown;
    try {
        data = JSON.parse(text);
    } catch {
        // JSON.parse's message quotes the text around the error, which may be a secret.
        throw new SecretsFileError(file, 'is not valid JSON',
            'restore it from a backup, or fix it by hand (removing it makes every password and key new)');
    }
    return checkShape(file, data);
}

/** The parsed file as SecretsData, or an error naming the first thing wrong (never a value). */
function checkShape(file: string, data: unknown): SecretsData {
    const advice = 'restore it from a backup, or fix it by hand (it must be the JSON CompanyKit writes)';
    if (typeof data !== 'object' || data === null || Array.isArray(data)) {
        throw new SecretsFileError(file, 'is not a JSON object', advice);
    }
    const record = data as Record<string, unknown>;
    if (record.version !== 1) {
        throw new SecretsFileError(file, 'has no "version": 1 (written by another version of CompanyKit?)', advice);
    }
    const result = emptySecrets() as { -readonly [K in keyof SecretsData]: SecretsData[K] };
    for (const section of SECTIONS) {
        const values = record[section] ?? {};
        if (typeof values !== 'object' || values === null || Array.isArray(values)) {
            throw new SecretsFileError(file, `"${section}" is not an object`, advice);
        }
        for (const [key, value] of Object.entries(values)) {
            const ok = section === 'ids' ? Number.isSafeInteger(value) && (value as number) >= 0 : typeof value === 'string';
            if (!ok) {
                throw new SecretsFileError(file, `${section}["${key}"] is not ${section === 'ids' ? 'a whole number' : 'a string'}`, advice);
            }
        }
        (result as Record<string, unknown>)[section] = { ...values };
    }
    return result;
}
