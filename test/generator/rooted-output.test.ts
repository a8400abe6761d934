import { describe, expect, test } from 'vitest';
import { renderInfrastructure } from '../../src/generator/generate.js';
import { debian } from '../../src/platform/debian.js';
import type { Platform } from '../../src/platform/profile.js';
import { fixtureSecrets, resolveExample } from '../support/generation.js';

/** renderInfrastructure under a root: files keep on-host paths; a file outside the host's tree is a generator fault. */
describe('rendering under a root', () => {
    test('the same files as without a root, only host-local paths inside them differ', async () => {
        const infra = await resolveExample('acme');
        const plain = renderInfrastructure(infra, { platform: debian }, fixtureSecrets('acme'));
        const rooted = renderInfrastructure(infra, { platform: debian, root: '/srv/t' }, fixtureSecrets('acme'));
        expect(rooted.map(f => `${f.host} ${f.path} ${f.mode}`)).toEqual(plain.map(f => `${f.host} ${f.path} ${f.mode}`));
        const hosts = rooted.find(f => f.host === 'hv1.mail' && f.path === '/etc/postfix/main.cf');
        expect(hosts?.content).toContain('config_directory = /srv/t/hv1.mail/etc/postfix');
        // Without the root prefix, each rooted file is its plain twin.
        for (const [index, file] of rooted.entries()) {
            const unrooted = file.host === null ? file.content : file.content.replaceAll(`/srv/t/${file.host}`, '');
            expect(unrooted, `${file.host} ${file.path}`).toBe(plain[index].content);
        }
    });

    test('a profile that writes a file outside the host-local paths is refused, naming the host and path', async () => {
        const infra = await resolveExample('acme');
        const leaky: Platform = {
            ...debian,
            profile: local => {
                const profile = debian.profile(local);
                return { ...profile, base: { ...profile.base, hostsFile: '/etc/hosts' } };
            }
        };
        expect(() => renderInfrastructure(infra, { platform: leaky, root: '/srv/t' }, fixtureSecrets('acme')))
            .toThrow(/hv1\.\w+: \/etc\/hosts is not a host-local path of the platform profile/);
    });
});
