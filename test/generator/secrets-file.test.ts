import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadSecrets, saveSecrets, SecretsFileError, secretsPath } from '../../src/generator/secrets-file.js';
import { SecretStore } from '../../src/model/secrets.js';

function tempSpec(): { dir: string, spec: string, file: string } {
    const dir = mkdtempSync(join(tmpdir(), 'companykit-secrets-'));
    const spec = join(dir, 'acme.company');
    writeFileSync(spec, 'company acme {}\n');
    return { dir, spec, file: join(dir, 'acme.secrets.json') };
}

const modeOf = (file: string) => statSync(file).mode & 0o777;
const onDisk = (file: string) => JSON.parse(readFileSync(file, 'utf-8'));
const existing = (values: object) => JSON.stringify({ version: 1, passwords: {}, tokens: {}, keys: {}, ids: {}, ...values });

describe('secretsPath', () => {
    test('is the spec name without .company, plus .secrets.json, beside the spec', () => {
        expect(secretsPath('examples/acme.company')).toBe(join('examples', 'acme.secrets.json'));
        expect(secretsPath('/srv/specs/two-servers.company')).toBe('/srv/specs/two-servers.secrets.json');
    });
});

describe('loadSecrets', () => {
    test('no file yet: an empty store', async () => {
        const { spec } = tempSpec();
        const store = await loadSecrets(spec);
        expect(store.snapshot()).toEqual({ version: 1, passwords: {}, tokens: {}, keys: {}, ids: {} });
    });

    test('returns the values in the file, so the model reuses them', async () => {
        const { spec, file } = tempSpec();
        writeFileSync(file, existing({ passwords: { 'ldap:admin': 'kept-value' }, ids: { 'uid:alice': 1000 } }), { mode: 0o600 });
        const store = await loadSecrets(spec);
        expect(store.password('ldap:admin')).toBe('kept-value');
        expect(store.id('uid:alice', 1000)).toBe(1000);
        expect(store.addedCount).toBe(0);
    });

    test('invalid JSON: an error naming the file that does not quote its text', async () => {
        const { spec, file } = tempSpec();
        writeFileSync(file, '{ "version": 1, "passwords": { "ldap:admin": "s3cretValue" ', { mode: 0o600 });
        const error = await loadSecrets(spec).catch((e: unknown) => e) as Error;
        expect(error).toBeInstanceOf(SecretsFileError);
        expect(error.message).toContain(file);
        expect(error.message).toMatch(/not valid JSON; restore it from a backup/);
        expect(error.message).not.toContain('s3cretValue');
    });

    test.each([
        ['[]', /is not a JSON object/],
        ['{"version": 2}', /has no "version": 1/],
        ['{"version": 1, "passwords": ["x"]}', /"passwords" is not an object/],
        ['{"version": 1, "passwords": {"ldap:admin": 42}}', /passwords\["ldap:admin"\] is not a string/],
        ['{"version": 1, "ids": {"uid:bob": "s3cretValue"}}', /ids\["uid:bob"\] is not a whole number/]
    ])('wrong shape %s: an error saying what is wrong, never a value', async (text, expected) => {
        const { spec, file } = tempSpec();
        writeFileSync(file, text, { mode: 0o600 });
        const error = await loadSecrets(spec).catch((e: unknown) => e) as Error;
        expect(error).toBeInstanceOf(SecretsFileError);
        expect(error.message).toMatch(expected);
        expect(error.message).toContain(file);
        expect(error.message).not.toContain('s3cretValue');
    });

    test('an unreadable file is an error naming it', async () => {
        const { spec, file } = tempSpec();
        // A folder where the file should be: unreadable as a file even for root.
        mkdirSync(file);
        await expect(loadSecrets(spec)).rejects.toThrow(new RegExp(`${file}: cannot read it \\(EISDIR\\)`));
    });
});

describe('saveSecrets', () => {
    test('new values are written with mode 0600, whatever the umask', async () => {
        const { spec, file } = tempSpec();
        const store = await loadSecrets(spec);
        const password = store.password('ldap:admin');
        const previous = process.umask(0o000);
        try {
            const result = await saveSecrets(spec, store);
            expect(result).toEqual({ file, added: 1, tightened: false });
        } finally {
            process.umask(previous);
        }
        expect(modeOf(file)).toBe(0o600);
        expect(onDisk(file).passwords).toEqual({ 'ldap:admin': password });
        expect(readFileSync(file, 'utf-8').endsWith('}\n')).toBe(true);
        expect(readdirSync(join(file, '..')).sort()).toEqual(['acme.company', 'acme.secrets.json']);
    });

    test('nothing new: the file is not written (not even created)', async () => {
        const { spec, file } = tempSpec();
        const result = await saveSecrets(spec, await loadSecrets(spec));
        expect(result.added).toBe(0);
        expect(existsSync(file)).toBe(false);
    });

    test('an existing value is never replaced, and values added on disk meanwhile are kept', async () => {
        const { spec, file } = tempSpec();
        writeFileSync(file, existing({ passwords: { 'ldap:admin': 'kept-value' } }), { mode: 0o600 });
        const store = await loadSecrets(spec);
        expect(store.password('ldap:admin')).toBe('kept-value');
        const token = store.token('gitea:secret');
        // Another run added a key after this one loaded.
        writeFileSync(file, existing({ passwords: { 'ldap:admin': 'kept-value', 'mail:dovecot': 'other-run' } }), { mode: 0o600 });
        await saveSecrets(spec, store);
        expect(onDisk(file)).toEqual({
            version: 1, passwords: { 'ldap:admin': 'kept-value', 'mail:dovecot': 'other-run' },
            tokens: { 'gitea:secret': token }, keys: {}, ids: {}
        });
    });

    test('a value changed on disk while generating is refused, and the file is left as it was', async () => {
        const { spec, file } = tempSpec();
        const store = await loadSecrets(spec);
        store.password('ldap:admin');
        store.password('mail:dovecot');
        const meanwhile = existing({ passwords: { 'ldap:admin': 'from-other-run' } });
        writeFileSync(file, meanwhile, { mode: 0o600 });
        await expect(saveSecrets(spec, store)).rejects.toThrow(/passwords\["ldap:admin"\] was changed while generating; nothing was written/);
        expect(readFileSync(file, 'utf-8')).toBe(meanwhile);
    });

    test('a file readable by others is tightened to 0600 and the result says so', async () => {
        const { spec, file } = tempSpec();
        writeFileSync(file, existing({ passwords: { 'ldap:admin': 'kept-value' } }));
        chmodSync(file, 0o644);
        const unchanged = await saveSecrets(spec, await loadSecrets(spec));
        expect(unchanged).toEqual({ file, added: 0, tightened: true });
        expect(modeOf(file)).toBe(0o600);
        expect(onDisk(file).passwords['ldap:admin']).toBe('kept-value');
        expect((await saveSecrets(spec, await loadSecrets(spec))).tightened).toBe(false);
    });

    test('a file readable by others that also gets new values ends up 0600', async () => {
        const { spec, file } = tempSpec();
        writeFileSync(file, existing({}));
        chmodSync(file, 0o664);
        const store = await loadSecrets(spec);
        store.token('jitsi:secret');
        expect((await saveSecrets(spec, store)).tightened).toBe(true);
        expect(modeOf(file)).toBe(0o600);
    });

    test('a new store over a file with the same keys keeps the file\'s values', async () => {
        const { spec, file } = tempSpec();
        const first = await loadSecrets(spec);
        const original = first.password('ldap:admin');
        await saveSecrets(spec, first);
        const second = await loadSecrets(spec);
        expect(second.password('ldap:admin')).toBe(original);
        second.password('new:key');
        await saveSecrets(spec, second);
        expect(onDisk(file).passwords['ldap:admin']).toBe(original);
        expect(new SecretStore(onDisk(file)).password('ldap:admin')).toBe(original);
    });
});
