import { describe, expect, it } from 'vitest';
import { netbsdProfile } from '../../src/platform/netbsd.js';
import { acmeCertificates } from '../../src/model/proxy-acme.js';
import { contentAt, renderRoleOf } from './proxy-support.js';

const SITE = '/usr/pkg/etc/nginx/sites/proxy.conf';

/** The server blocks of an nginx site, as text (top level `server {` … matching `}`). */
function serverBlocks(conf: string): string[] {
    return conf.split(/\n(?=server \{)/).filter(block => block.startsWith('server {'));
}

describe('proxy nginx site (acme)', async () => {
    const [proxy] = await renderRoleOf('acme', 'proxy');
    const site = contentAt(proxy!.output, SITE);
    const blocks = serverBlocks(site);

    it('writes only its own site file under sites/', () => {
        expect(proxy!.output.files.filter(f => f.path.startsWith('/usr/pkg/etc/nginx/')).map(f => f.path)).toEqual([SITE]);
    });

    it('has an HTTPS server with its own certificate for every web name of the company', () => {
        const acme = proxy!.infra.companies[0]!;
        for (const name of acme.publicNames.filter(n => n.web)) {
            const block = blocks.find(b => b.includes(`server_name ${name.fqdn};`));
            expect(block, name.fqdn).toBeDefined();
            expect(block).toContain(`ssl_certificate /etc/openssl/companykit/${name.fqdn}.crt;`);
            expect(block).toContain(`ssl_certificate_key /etc/openssl/companykit/${name.fqdn}.key;`);
            expect(block).toContain('add_header Strict-Transport-Security "max-age=31536000" always;');
        }
    });

    it('serves only the ACME challenge and a redirect on port 80', () => {
        const port80 = blocks.filter(b => /listen 80[ ;]/.test(b));
        expect(port80).toHaveLength(2);
        const [refuse, challenge] = port80 as [string, string];
        expect(refuse).toContain('return 444;');
        const locations = [...challenge.matchAll(/location ([^{]+)\{/g)].map(m => m[1]!.trim());
        expect(locations).toEqual(['^~ /.well-known/acme-challenge/', '/']);
        expect(challenge).toContain('alias /var/db/dehydrated/acme-challenge/;');
        expect(challenge).toContain('return 301 https://$host$request_uri;');
        expect(challenge).not.toContain('proxy_pass');
        for (const certificate of acmeCertificates(proxy!.infra.companies)) {
            expect(challenge).toContain(`        ${certificate.fqdn}\n`);
        }
    });

    it('upgrades websockets for meet with long timeouts', () => {
        const meet = blocks.find(b => b.includes('server_name meet.acme.example;'))!;
        expect(meet).toMatch(/location \/xmpp-websocket \{\n\s+proxy_pass http:\/\/10\.0\.0\.\d+:80;\n\s+proxy_read_timeout 900s;/);
        expect(meet).toMatch(/location \/colibri-ws\/ \{\n\s+proxy_pass http:\/\/10\.0\.0\.\d+:80;/);
        expect(meet).toContain('proxy_set_header Upgrade $http_upgrade;');
        expect(meet).toContain('proxy_set_header Connection $connection_upgrade;');
        expect(meet).toContain('proxy_http_version 1.1;');
    });

    it('forwards the client address and scheme to backends by IP', () => {
        const cloud = blocks.find(b => b.includes('server_name cloud.acme.example;'))!;
        expect(cloud).toMatch(/proxy_pass http:\/\/\d+\.\d+\.\d+\.\d+:80;/);
        for (const header of ['Host $host', 'X-Real-IP $remote_addr', 'X-Forwarded-For $remote_addr', 'X-Forwarded-Proto $scheme', 'X-Forwarded-Host $host']) {
            expect(cloud).toContain(`proxy_set_header ${header};`);
        }
        expect(cloud).toContain('client_max_body_size 10240m;');
        expect(cloud).not.toContain('X-Frame-Options');
    });

    it('redirects the bare domain to www', () => {
        const apex = blocks.find(b => b.includes('server_name acme.example;'))!;
        expect(apex).toContain('return 301 https://www.acme.example$request_uri;');
    });

    it('uses the http2 directive the profile asks for', () => {
        expect(netbsdProfile.web.proxy.http2Directive).toBe(true);
        expect(site).toContain('    http2 on;');
        expect(site).not.toContain('ssl http2');
    });
});

describe('proxy static files and ACME (acme)', async () => {
    const [proxy] = await renderRoleOf('acme', 'proxy');
    const output = proxy!.output;

    it('serves the Thunderbird autoconfig document', () => {
        const xml = contentAt(output, '/var/www/proxy/autoconfig.acme.example/mail/config-v1.1.xml');
        expect(xml).toContain('<incomingServer type="imap">\n      <hostname>mail.acme.example</hostname>\n      <port>993</port>\n      <socketType>SSL</socketType>');
        expect(xml).toContain('<outgoingServer type="smtp">\n      <hostname>mail.acme.example</hostname>\n      <port>587</port>\n      <socketType>STARTTLS</socketType>');
        expect(xml).toContain('<username>%EMAILADDRESS%</username>');
        expect(xml).toContain('<displayName>ACME, Inc.</displayName>');
    });

    it('serves the MTA-STS policy', () => {
        expect(contentAt(output, '/var/www/proxy/mta-sts.acme.example/.well-known/mta-sts.txt')).toContain('mode: testing\r\nmx: mx.acme.example\r\n');
    });

    it('configures dehydrated for HTTP-01 at Let\'s Encrypt with the report address', () => {
        const config = contentAt(output, '/usr/pkg/etc/dehydrated/config');
        expect(config).toContain("CA='https://acme-v02.api.letsencrypt.org/directory'");
        expect(config).toContain('CHALLENGETYPE="http-01"');
        expect(config).toContain("WELLKNOWN='/var/db/dehydrated/acme-challenge'");
        expect(config).toContain("CONTACT_EMAIL='postmaster@acme.example'");
        expect(config).toContain("HOOK='/usr/pkg/etc/dehydrated/hook.sh'");
        const domains = contentAt(output, '/usr/pkg/etc/dehydrated/domains.txt').split('\n').filter(l => l && !l.startsWith('#'));
        expect(domains).toContain('www.acme.example');
        expect(domains).toContain('mx.acme.example');
        expect(domains.every(l => !l.includes(' '))).toBe(true);
    });

    it('installs renewed certificates where nginx reads them and reloads it', () => {
        const hook = contentAt(output, '/usr/pkg/etc/dehydrated/hook.sh');
        expect(hook).toContain("tls_dir='/etc/openssl/companykit'");
        expect(hook).toContain('mv -f "$tls_dir/.$domain.crt.new" "$tls_dir/$domain.crt"');
        expect(hook).toContain('/etc/rc.d/nginx reload');
        expect(output.files.find(f => f.path.endsWith('hook.sh'))!.mode).toBe(0o755);
    });

    it('creates self-signed certificates and the daily renewal in provision', () => {
        const provision = output.provision!;
        expect(provision).toContain("ensure_certificate '/etc/openssl/companykit/meet.acme.example.crt' '/etc/openssl/companykit/meet.acme.example.key' 'meet.acme.example'");
        expect(provision).toMatch(/acme_renew_line='\d+ [2-5] \* \* \* \/usr\/pkg\/etc\/dehydrated\/renew\.sh >>\/var\/log\/dehydrated\.log 2>&1'/);
        expect(provision).toContain('| crontab -');
    });
});
