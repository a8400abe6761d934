import { describe, expect, it } from 'vitest';
import type { CompanyModel, Infrastructure } from '../../src/model/infrastructure.js';
import {
    MEET_WEBSOCKET_PATHS, maxBodySize, nginxSize, proxyVirtualHosts, securityHeaders, type ProxyVirtualHost
} from '../../src/model/virtual-hosts.js';
import { resolveExample } from '../support/generation.js';

const company = (infra: Infrastructure, name: string): CompanyModel => infra.companies.find(c => c.name === name)!;
const vmAddress = (infra: Infrastructure, host: string): string => infra.servers.flatMap(s => s.vms).find(v => v.host === host)!.address;
const byName = (vhosts: readonly ProxyVirtualHost[], fqdn: string): ProxyVirtualHost => {
    const vhost = vhosts.find(v => v.fqdn === fqdn);
    if (!vhost) {
        throw new Error(`no vhost ${fqdn}: ${vhosts.map(v => v.fqdn).join(', ')}`);
    }
    return vhost;
};

describe('proxy virtual hosts (acme)', async () => {
    const infra = await resolveExample('acme');
    const acme = company(infra, 'acme');
    const vhosts = proxyVirtualHosts(infra, [acme]);

    it('has one HTTPS server per web name, and none for mail or mx', () => {
        expect(vhosts.map(v => v.fqdn)).toEqual([
            'acme.example', 'www.acme.example', 'webmail.acme.example', 'cloud.acme.example', 'git.acme.example',
            'meet.acme.example', 'autoconfig.acme.example', 'mta-sts.acme.example'
        ]);
    });

    it('redirects the bare domain to the website name', () => {
        expect(byName(vhosts, 'acme.example').action).toEqual({ kind: 'redirect', target: 'https://www.acme.example' });
    });

    it('proxies each app to its VM by private address and backend port', () => {
        for (const name of acme.publicNames.filter(n => ['website', 'webmail', 'cloud', 'meet'].includes(n.purpose))) {
            expect(byName(vhosts, name.fqdn).action).toEqual({ kind: 'proxy', upstream: `http://${vmAddress(infra, name.backend!)}:80` });
        }
        const git = acme.publicNames.find(n => n.purpose === 'git')!;
        expect(byName(vhosts, git.fqdn).action).toEqual({ kind: 'proxy', upstream: `http://${vmAddress(infra, git.backend!)}:3000` });
    });

    it('serves autoconfig and mta-sts itself', () => {
        expect(byName(vhosts, 'autoconfig.acme.example').action.kind).toBe('static');
        expect(byName(vhosts, 'mta-sts.acme.example').action.kind).toBe('static');
    });

    it('gives only meet the websocket locations', () => {
        expect(byName(vhosts, 'meet.acme.example').websocketPaths).toEqual(['/xmpp-websocket', '/colibri-ws/']);
        expect(vhosts.filter(v => v.purpose !== 'meet').every(v => v.websocketPaths.length === 0)).toBe(true);
    });

    it('streams uploads to the cloud only', () => {
        expect(vhosts.filter(v => v.streamUploads).map(v => v.purpose)).toEqual(['cloud']);
    });

    it('sizes request bodies per app', () => {
        expect(byName(vhosts, 'webmail.acme.example').maxBodySize).toBe('25m'); // mail max-message-size 25 MB
        expect(byName(vhosts, 'cloud.acme.example').maxBodySize).toBe('10240m'); // cloud quota 10 GB
        expect(byName(vhosts, 'git.acme.example').maxBodySize).toBe('512m');
        expect(byName(vhosts, 'www.acme.example').maxBodySize).toBe('1m');
    });
});

describe('proxy virtual hosts (several companies)', async () => {
    const infra = await resolveExample('hosting');

    it('covers every web name of every company served, and only web names', () => {
        const vhosts = proxyVirtualHosts(infra, infra.companies);
        const expected = infra.companies.flatMap(c => c.publicNames.filter(n => n.web).map(n => n.fqdn));
        expect(vhosts.map(v => v.fqdn)).toEqual(expected);
        expect(vhosts.some(v => v.fqdn === 'mx.wayne.example' || v.fqdn === 'mail.globex.example')).toBe(false);
        // initech has webmail only: no apex, no www
        expect(vhosts.filter(v => v.company === 'initech').map(v => v.purpose)).toEqual(['webmail', 'autoconfig', 'mta-sts']);
    });

    it('reaches the shared web VM of the hosting example by its fixed address', () => {
        const vhosts = proxyVirtualHosts(infra, infra.companies);
        expect(byName(vhosts, 'www.wayne.example').action).toEqual({ kind: 'proxy', upstream: 'http://10.20.0.20:80' });
        expect(byName(vhosts, 'git.globex.example').action).toEqual({ kind: 'proxy', upstream: 'http://10.20.0.30:3000' });
    });
});

describe('proxy header and size decisions', () => {
    const names = (purpose: Parameters<typeof securityHeaders>[0]) => securityHeaders(purpose).map(h => h.name);

    it('always sends HSTS', () => {
        for (const purpose of ['website', 'webmail', 'cloud', 'git', 'meet', 'autoconfig', 'mta-sts', 'apex'] as const) {
            expect(securityHeaders(purpose)[0]).toEqual({ name: 'Strict-Transport-Security', value: 'max-age=31536000' });
        }
    });

    it('leaves the headers the apps send themselves to them', () => {
        expect(names('cloud')).toEqual(['Strict-Transport-Security']);
        expect(names('webmail')).not.toContain('X-Frame-Options');
        expect(names('git')).not.toContain('X-Frame-Options');
        expect(names('webmail')).toContain('X-Content-Type-Options');
        expect(names('meet')).toEqual(['Strict-Transport-Security', 'X-Content-Type-Options', 'Referrer-Policy', 'X-Frame-Options']);
        expect(securityHeaders('website').find(h => h.name === 'X-Frame-Options')?.value).toBe('SAMEORIGIN');
    });

    it('rounds sizes up to whole MiB, at least 1m', () => {
        expect(nginxSize(1)).toBe('1m');
        expect(nginxSize(1024 * 1024)).toBe('1m');
        expect(nginxSize(1024 * 1024 + 1)).toBe('2m');
        expect(nginxSize(25_000_000)).toBe('24m');
    });

    it('uses the mail size limit for webmail', async () => {
        const infra = await resolveExample('hosting');
        const wayne = company(infra, 'wayne');
        expect(maxBodySize(wayne, 'webmail')).toBe(nginxSize(wayne.mail.maxMessageSizeBytes));
    });

    it('exports the meet websocket paths the meet role must serve', () => {
        expect(MEET_WEBSOCKET_PATHS).toEqual(['/xmpp-websocket', '/colibri-ws/']);
    });
});
