import { generateKeyPairSync, randomBytes } from 'node:crypto';

/**
 * Values generated once and kept beside the spec (never in it): service passwords, initial user
 * passwords, tokens, DKIM keys, and the uid/gid numbers handed out (kept so that a user added
 * later never renumbers the others). The model asks for what it needs by a stable key; a value
 * is created only when the key is new, and an existing one is never replaced.
 */
export interface SecretsData {
    readonly version: 1;
    readonly passwords: Record<string, string>;
    readonly tokens: Record<string, string>;
    readonly keys: Record<string, string>;
    readonly ids: Record<string, number>;
}

export const emptySecrets = (): SecretsData => ({ version: 1, passwords: {}, tokens: {}, keys: {}, ids: {} });

/** Characters of generated passwords: no quotes, backslashes, `$`, `%` or spaces, so they are safe in every config syntax. */
const PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
export const PASSWORD_LENGTH = 24;

export class SecretStore {
    private readonly data: SecretsData;
    private added = 0;

    constructor(data: SecretsData = emptySecrets(), private readonly random: (bytes: number, key: string) => Buffer = bytes => randomBytes(bytes)) {
        // A copy: the caller's object is what was read from disk and stays as it was.
        this.data = {
            version: 1, passwords: { ...data.passwords }, tokens: { ...data.tokens }, keys: { ...data.keys }, ids: { ...data.ids }
        };
    }

    /** How many values were created since loading: zero means the file beside the spec need not be written. */
    get addedCount(): number {
        return this.added;
    }

    /** A snapshot for the writer, keys sorted so the file is stable. */
    snapshot(): SecretsData {
        return {
            version: 1, passwords: sortedRecord(this.data.passwords), tokens: sortedRecord(this.data.tokens),
            keys: sortedRecord(this.data.keys), ids: sortedRecord(this.data.ids)
        };
    }

    /** A password of PASSWORD_LENGTH characters from PASSWORD_ALPHABET. */
    password(key: string): string {
        return this.data.passwords[key] ??= this.create(() => this.randomPassword(key));
    }

    /** `bytes` random bytes as lower-case hex (Gitea's SECRET_KEY, Roundcube's des_key, Jitsi secrets…). */
    token(key: string, bytes = 32): string {
        return this.data.tokens[key] ??= this.create(() => this.random(bytes, key).toString('hex'));
    }

    /** An RSA private key (PKCS#8 PEM) of `bits` bits, e.g. a DKIM signing key. */
    rsaKey(key: string, bits = 2048): string {
        return this.data.keys[key] ??= this.create(() => generateKeyPairSync('rsa', { modulusLength: bits }).privateKey
            .export({ type: 'pkcs8', format: 'pem' }).toString());
    }

    /**
     * A number handed out once for `key`: the first number from `from` up that no other key of the
     * same `family` (the part of the key before the first `:`) holds.
     */
    id(key: string, from: number): number {
        const existing = this.data.ids[key];
        if (existing !== undefined) {
            return existing;
        }
        const family = key.split(':')[0];
        const taken = new Set(Object.entries(this.data.ids).filter(([k]) => k.split(':')[0] === family).map(([, v]) => v));
        let n = from;
        while (taken.has(n)) {
            n++;
        }
        return this.data.ids[key] = this.create(() => n);
    }

    private create<T>(make: () => T): T {
        this.added++;
        return make();
    }

    private randomPassword(key: string): string {
        // Rejection sampling keeps every character equally likely.
        const limit = 256 - (256 % PASSWORD_ALPHABET.length);
        let out = '';
        // The attempt number keeps a deterministic source (tests) from repeating itself on a retry.
        for (let attempt = 0; out.length < PASSWORD_LENGTH; attempt++) {
            for (const byte of this.random(PASSWORD_LENGTH * 2, `${key}#${attempt}`)) {
                if (byte < limit && out.length < PASSWORD_LENGTH) {
                    out += PASSWORD_ALPHABET[byte % PASSWORD_ALPHABET.length];
                }
            }
        }
        return out;
    }
}

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
    return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
