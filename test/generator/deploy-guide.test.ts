import { describe, expect, it } from 'vitest';
import { renderDeployGuide } from '../../src/generator/deploy-guide.js';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import { fixtureSecrets, resolveExample } from '../support/generation.js';

describe('deploy guide', () => {
    it('is README.md at the output root, steps in order, hypervisor before its guests', async () => {
        const infra = await resolveExample('acme');
        const [guide] = renderDeployGuide(infra, netbsdProfile);
        expect(guide).toMatchObject({ host: null, path: 'README.md', mode: 0o644 });
        const text = guide.content;
        const positions = ['ssh root@203.0.113.10 sh /root/companykit/provision.sh', 'root@10.0.0.10 sh /root/companykit/provision.sh',
            'root@10.0.0.14 sh', 'root@10.0.0.11 sh', 'root@10.0.0.17 sh'].map(needle => text.indexOf(needle));
        expect(positions.every(p => p > 0)).toBe(true);
        expect([...positions].sort((a, b) => a - b)).toEqual(positions);
        expect(text).toContain('tar -C hv1.auth --owner=0 --group=0 --numeric-owner -cf - . | ssh -J root@203.0.113.10 root@10.0.0.10 tar -C / -xpf -');
        expect(text).toContain('| 2222 | tcp | hv1.git (10.0.0.15) | 22 | git over SSH for acme |');
        expect(text).toContain('| ns1.acme.example | 203.0.113.10 | - |');
    });

    it('names users with generated passwords and never prints a secret', async () => {
        const infra = await resolveExample('acme');
        const text = renderDeployGuide(infra, netbsdProfile)[0].content;
        expect(text).toContain('- acme: alice, bob');
        const secrets = fixtureSecrets('acme').snapshot();
        for (const value of Object.values(secrets.passwords)) {
            expect(text).not.toContain(value);
        }
        for (const company of infra.companies) {
            expect(text).not.toContain(company.directory.adminPassword);
            company.directory.serviceAccounts.forEach(account => expect(text).not.toContain(account.password));
        }
    });

    it('two servers: both hypervisors, north first', async () => {
        const text = renderDeployGuide(await resolveExample('two-servers'), netbsdProfile)[0].content;
        expect(text.indexOf('## 1. Server `north`')).toBeGreaterThan(0);
        expect(text.indexOf('## 2. Server `south`')).toBeGreaterThan(text.indexOf('## 1. Server `north`'));
        expect(text).toContain('| ns2.umbrella.example | 192.0.2.77 | - |');
    });
});
