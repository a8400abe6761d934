import { describe, expect, it } from 'vitest';
import { PASSWORD_LENGTH, SecretStore, emptySecrets } from '../../src/model/secrets.js';
import { sshaHash, sshaMatches } from '../../src/model/password-hash.js';
import { dkimTxtRecord } from '../../src/model/dkim.js';

describe('secret store', () => {
    it('creates a value once and returns it again for the same key', () => {
        const store = new SecretStore();
        const first = store.password('ldap-admin:acme');
        expect(store.password('ldap-admin:acme')).toBe(first);
        expect(store.addedCount).toBe(1);
        expect(first).toHaveLength(PASSWORD_LENGTH);
        expect(first).toMatch(/^[A-Za-z2-9]+$/);
    });

    it('never replaces a value it was loaded with', () => {
        const data = { ...emptySecrets(), passwords: { 'user:acme:alice': 'kept-as-is' }, ids: { 'uid:acme:alice': 10005 } };
        const store = new SecretStore(data);
        expect(store.password('user:acme:alice')).toBe('kept-as-is');
        expect(store.id('uid:acme:alice', 10000)).toBe(10005);
        expect(store.addedCount).toBe(0);
    });

    it('hands out the first free id of a family, so adding a key never renumbers another', () => {
        const store = new SecretStore({ ...emptySecrets(), ids: { 'uid:acme:alice': 10000, 'uid:acme:carol': 10002, 'gid:acme': 10000 } });
        expect(store.id('uid:acme:bob', 10000)).toBe(10001);
        expect(store.id('uid:acme:dave', 10000)).toBe(10003);
        expect(store.id('gid:globex', 10000)).toBe(10001);
        expect(store.snapshot().ids['uid:acme:alice']).toBe(10000);
    });

    it('does not share its data with the object it was loaded from', () => {
        const data = emptySecrets();
        new SecretStore(data).password('x');
        expect(data.passwords).toEqual({});
    });

    it('writes tokens as hex of the requested length and sorts the snapshot', () => {
        const store = new SecretStore();
        expect(store.token('b', 16)).toMatch(/^[0-9a-f]{32}$/);
        store.token('a');
        expect(Object.keys(store.snapshot().tokens)).toEqual(['a', 'b']);
    });
});

describe('password hashes', () => {
    it('are {SSHA} that verify against the password only', () => {
        const hash = sshaHash('correct horse', 'uid=alice,ou=people,dc=acme,dc=example');
        expect(hash).toMatch(/^\{SSHA\}[A-Za-z0-9+/]+=*$/);
        expect(sshaMatches(hash, 'correct horse')).toBe(true);
        expect(sshaMatches(hash, 'wrong')).toBe(false);
    });

    it('are stable for one account and differ between accounts with the same password', () => {
        expect(sshaHash('pw', 'a')).toBe(sshaHash('pw', 'a'));
        expect(sshaHash('pw', 'a')).not.toBe(sshaHash('pw', 'b'));
    });
});

describe('DKIM record', () => {
    it('publishes the public half of the key', () => {
        const store = new SecretStore();
        const txt = dkimTxtRecord(store.rsaKey('dkim:acme:mail', 1024));
        expect(txt).toMatch(/^v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ[A-Za-z0-9+/=]+$/);
    });
});
