import { describe, expect, it } from 'vitest';
import { renderTemplate } from '../../src/generator/templates.js';
import { websiteSites } from '../../src/model/virtual-hosts.js';
import { resolveExample } from '../support/generation.js';
import { contentAt, renderRoleOf } from './proxy-support.js';

const SITE = '/usr/pkg/etc/nginx/sites/website.conf';

describe('website role (acme)', async () => {
    const [www] = await renderRoleOf('acme', 'website');
    const output = www!.output;

    it('serves the bare domain and www from the company root on port 80', () => {
        const site = contentAt(output, SITE);
        expect(site).toContain('    listen 80;\n    server_name acme.example www.acme.example;\n    root /var/www/website/acme.example;');
        expect(site).not.toContain('default_server');
        expect(site).not.toContain('443');
    });

    it('writes a branded home page linking the company services, and its stylesheet', () => {
        const html = contentAt(output, '/var/www/website/acme.example/index.html');
        expect(html).toContain('<html lang="en-US">');
        expect(html).toContain('<title>ACME, Inc.</title>');
        expect(html).toContain('<h1>ACME, Inc.</h1>');
        for (const service of ['webmail', 'cloud', 'git', 'meet']) {
            expect(html).toContain(`<a href="https://${service}.acme.example/">`);
        }
        expect(html).toContain('<code>mail.acme.example</code>');
        expect(html).toContain('<link rel="stylesheet" href="/style.css">');
        expect(html).not.toMatch(/(src|href)="(https?:)?\/\/(?!(webmail|cloud|git|meet)\.acme\.example\/)/);
        expect(contentAt(output, '/var/www/website/acme.example/style.css')).toContain('body {');
    });

    it('creates the document roots in provision', () => {
        expect(output.provision).toContain("ensure_dir '/var/www/website/acme.example' root 0755");
    });
});

describe('website role (shared)', async () => {
    const [web] = await renderRoleOf('hosting', 'website');

    it('has a server and a page per company with a website, none for the others', () => {
        const site = contentAt(web!.output, SITE);
        expect(site).toContain('server_name wayne.example www.wayne.example;');
        expect(site).toContain('server_name globex.example www.globex.example;');
        expect(site).not.toContain('initech');
        expect(web!.output.files.map(f => f.path).filter(p => p.endsWith('index.html'))).toEqual([
            '/var/www/website/wayne.example/index.html', '/var/www/website/globex.example/index.html'
        ]);
    });
});

describe('website page escaping', async () => {
    const infra = await resolveExample('acme');
    const acme = infra.companies[0]!;

    it('escapes the title and the company name for HTML', () => {
        const hostile = {
            ...acme,
            displayName: 'Smith & <Sons> "Ltd"',
            services: { ...acme.services, website: { ...acme.services.website!, title: '</title><script>alert(1)</script>' } }
        };
        const [site] = websiteSites([hostile]);
        const html = renderTemplate('website/index.html', site!);
        expect(html).toContain('<title>&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;</title>');
        expect(html).toContain('<p class="company">Smith &amp; &lt;Sons&gt; &quot;Ltd&quot;</p>');
        expect(html).not.toContain('<script>');
    });
});
