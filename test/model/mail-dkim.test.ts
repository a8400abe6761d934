import { describe, expect, it } from 'vitest';
import { dkimTables } from '../../src/model/mail-dkim.js';
import { resolveExample } from '../support/generation.js';

describe('OpenDKIM tables', () => {
    it('has one key per company under <keys>/<domain>/<selector>.private, signing the whole domain', async () => {
        const infra = await resolveExample('acme');
        const tables = dkimTables(infra.companies, '/k');
        expect(tables.keyTable).toEqual(['mail2026._domainkey.acme.example acme.example:mail2026:/k/acme.example/mail2026.private']);
        expect(tables.signingTable).toEqual(['*@acme.example mail2026._domainkey.acme.example']);
        expect(tables.keys[0].privateKeyPem).toBe(infra.companies[0].mail.dkimPrivateKeyPem);
    });

    it('lists every hosted company', async () => {
        const infra = await resolveExample('hosting');
        const tables = dkimTables(infra.companies, '/k');
        expect(tables.signingTable.map(line => line.split(' ')[0])).toEqual(['*@globex.example', '*@initech.example.org', '*@wayne.example']);
        expect(new Set(tables.keys.map(k => k.privateKeyPem)).size).toBe(3);
    });
});
