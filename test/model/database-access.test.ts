import { describe, expect, it } from 'vitest';
import { accountsServedBy, databaseAccount, databaseAppsOf, databaseName, sqlIdentifier, sqlString } from '../../src/model/database-access.js';
import { roundcubeSite } from '../../src/model/web-apps-roundcube.js';
import { giteaInstance } from '../../src/model/web-apps-gitea.js';
import { humanQuota, nextcloudInstance, splitLocale } from '../../src/model/web-apps-nextcloud.js';
import { backendPort } from '../../src/model/web-backends.js';
import { fixtureSecrets, resolveExample } from '../support/generation.js';

const vmOf = (infra: Awaited<ReturnType<typeof resolveExample>>, host: string) => {
    const vm = infra.servers.flatMap(s => s.vms).find(v => v.host === host);
    if (!vm) {
        throw new Error(`no ${host}`);
    }
    return vm;
};

describe('database accounts', () => {
    it('gives each company one database per application that needs one', async () => {
        const infra = await resolveExample('hosting');
        const apps = Object.fromEntries(infra.companies.map(c => [c.name, databaseAppsOf(c)]));
        expect(apps).toEqual({ wayne: ['roundcube', 'nextcloud'], globex: ['roundcube', 'gitea'], initech: ['roundcube'] });
    });

    it('limits each account to its application VM and points it at the database VM', async () => {
        const infra = await resolveExample('acme');
        const account = databaseAccount(infra, fixtureSecrets('acme'), 'acme', 'roundcube');
        expect(account).toMatchObject({ database: 'roundcube_acme', user: 'roundcube_acme', host: '10.0.0.14', clientAddress: '10.0.0.13', port: 3306 });
    });

    it('lets the database VM and the application read the same password', async () => {
        const infra = await resolveExample('acme');
        const secrets = fixtureSecrets('acme');
        const served = accountsServedBy(infra, secrets, vmOf(infra, 'hv1.cloud'), infra.companies);
        const site = roundcubeSite(infra, secrets, vmOf(infra, 'hv1.webmail'), infra.companies[0]);
        expect(served.find(a => a.app === 'roundcube')?.password).toBe(site.database.password);
        expect(site.dsn).toContain(`:${site.database.password}@10.0.0.14:3306/roundcube_acme`);
    });

    it('creates accounts for every hosted company on a shared database VM', async () => {
        const infra = await resolveExample('hosting');
        const served = accountsServedBy(infra, fixtureSecrets('hosting'), vmOf(infra, 'shared1.data'), infra.companies);
        expect(served.map(a => `${a.user}@${a.clientAddress}`)).toEqual([
            'roundcube_wayne@10.20.0.20', 'nextcloud_wayne@10.20.0.30',
            'roundcube_globex@10.20.0.20', 'gitea_globex@10.20.0.30',
            'roundcube_initech@10.20.0.20'
        ]);
    });

    it('creates nothing on a VM that is not the database VM', async () => {
        const infra = await resolveExample('acme');
        expect(accountsServedBy(infra, fixtureSecrets('acme'), vmOf(infra, 'hv1.webmail'), infra.companies)).toEqual([]);
    });

    it('names databases without hyphens and quotes SQL safely', () => {
        expect(databaseName('gitea', 'big-co')).toBe('gitea_big_co');
        expect(sqlString("it's \\ here")).toBe("'it\\'s \\\\ here'");
        expect(sqlIdentifier('a`b')).toBe('`a``b`');
    });
});

describe('web application decisions', () => {
    it('sends git to Gitea on 3000 and the nginx backends to 80', () => {
        expect(backendPort('git')).toBe(3000);
        expect(['website', 'webmail', 'cloud', 'meet'].map(p => backendPort(p as 'website'))).toEqual([80, 80, 80, 80]);
    });

    it('refuses two companies with git on one VM', async () => {
        const infra = await resolveExample('hosting');
        const globex = infra.companies.find(c => c.name === 'globex')!;
        const twin = { ...globex, name: 'globex2' };
        expect(() => giteaInstance(infra, fixtureSecrets('hosting'), vmOf(infra, 'shared1.data'), [globex, twin]))
            .toThrow(/one Gitea serves one company/);
    });

    it('serves git only for the companies that have it', async () => {
        const infra = await resolveExample('hosting');
        const g = giteaInstance(infra, fixtureSecrets('hosting'), vmOf(infra, 'shared1.data'), infra.companies);
        expect(g?.company).toBe('globex');
        expect(g?.ldap.adminFilter).toBe('(uid=hank)');
        expect(g?.ldap.userFilter).toBe('(&(objectClass=inetOrgPerson)(|(uid=%[1]s)(mail=%[1]s)))');
        expect(Buffer.from(g!.jwtSecret, 'base64url')).toHaveLength(32);
    });

    it('gives Nextcloud its own directories, the proxy as only trusted proxy and a readable quota', async () => {
        const infra = await resolveExample('acme');
        const i = nextcloudInstance(infra, fixtureSecrets('acme'), vmOf(infra, 'hv1.cloud'), infra.companies[0],
            { instancesDir: '/i', dataRoot: '/d', socketDir: '/s' });
        expect(i).toMatchObject({ configDir: '/i/acme/config', dataDir: '/d/acme', proxyAddress: '10.0.0.17', defaultQuota: '10 GB', language: 'en', phoneRegion: 'US' });
        expect(i.instanceId).toMatch(/^oc[0-9a-f]{10}$/);
        expect(humanQuota(1536 * 1024 * 1024)).toBe('1536 MB');
        expect(humanQuota(1000)).toBe('1000 B');
        expect(splitLocale('de')).toEqual(['de', 'DE']);
    });
});
