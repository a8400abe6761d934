import { serviceCommand } from '../../model/guest-software.js';
import type { GeneratedFile } from '../file-set.js';
import type { GuestContext, RoleOutput, RoleRenderer } from '../guest-context.js';
import { roleCompanies } from '../guest-context.js';
import { renderTemplate } from '../templates.js';
import { ACME_CA_URL, ACME_RENEW_DAYS, acmeCertificates, acmeContact, renewalTime } from '../../model/proxy-acme.js';
import { autoconfigFor } from '../../model/proxy-mail-discovery.js';
import { mtaStsPolicy } from '../../model/mta-sts-policy.js';
import { WEBSOCKET_TIMEOUT_SECONDS, proxyVirtualHosts, type ProxyVirtualHost } from '../../model/virtual-hosts.js';
import type { CompanyModel } from '../../model/infrastructure.js';

/**
 * The reverse proxy: nginx `sites/proxy.conf` (a server per public web name, ACME challenges and
 * redirects on port 80), the static autoconfig and MTA-STS files, and dehydrated for ACME HTTP-01
 * with a hook that installs certificates where nginx reads them and a daily renewal.
 */

/** One vhost flattened for the template (strict mode: every field present). */
function vhostView(vhost: ProxyVirtualHost, staticRoot: string) {
    return {
        fqdn: vhost.fqdn,
        company: vhost.company,
        purpose: vhost.purpose,
        maxBodySize: vhost.maxBodySize,
        headers: vhost.headers,
        websocketPaths: vhost.websocketPaths,
        streamUploads: vhost.streamUploads,
        upstream: vhost.action.kind === 'proxy' ? vhost.action.upstream : '',
        redirect: vhost.action.kind === 'redirect' ? vhost.action.target : '',
        staticRoot: vhost.action.kind === 'static' ? `${staticRoot}/${vhost.fqdn}` : ''
    };
}

const staticFile = (context: GuestContext, path: string, content: string): GeneratedFile =>
    ({ host: context.vm.host, path, mode: 0o644, content });

function fqdnOf(company: CompanyModel, purpose: 'autoconfig' | 'mta-sts'): string {
    const name = company.publicNames.find(n => n.purpose === purpose);
    if (!name) {
        throw new Error(`company ${company.name} has no ${purpose} name`);
    }
    return name.fqdn;
}

/** autoconfig and mta-sts documents of each company, under the proxy's static root. */
function mailDiscoveryFiles(context: GuestContext, companies: readonly CompanyModel[]): GeneratedFile[] {
    const root = context.profile.web.proxy.staticRoot;
    return companies.flatMap(company => [
        staticFile(context, `${root}/${fqdnOf(company, 'autoconfig')}/mail/config-v1.1.xml`,
            renderTemplate('proxy/config-v1.1.xml', autoconfigFor(company))),
        staticFile(context, `${root}/${fqdnOf(company, 'mta-sts')}/.well-known/mta-sts.txt`,
            mtaStsPolicy(company).text)
    ]);
}

function acmeFiles(context: GuestContext, companies: readonly CompanyModel[]): GeneratedFile[] {
    const { acme } = context.profile.web;
    const { base } = context.profile;
    const host = context.vm.host;
    return [
        {
            host, path: acme.configFile, mode: 0o644, content: renderTemplate('proxy/dehydrated.config', {
                ...acme, ca: ACME_CA_URL, renewDays: ACME_RENEW_DAYS, contact: acmeContact(companies)
            })
        },
        { host, path: acme.domainsFile, mode: 0o644, content: renderTemplate('proxy/domains.txt', { certificates: acmeCertificates(companies) }) },
        {
            host, path: acme.hookFile, mode: 0o755, content: renderTemplate('proxy/hook.sh', {
                tlsDir: base.tlsDir,
                reloadFlag: `${acme.stateDir}/reload-nginx`,
                reloadCommand: serviceCommand(base, 'nginx', 'reload')
            })
        },
        { host, path: acme.renewScript, mode: 0o755, content: renderTemplate('proxy/renew.sh', acme) }
    ];
}

function provision(context: GuestContext, vhosts: readonly ProxyVirtualHost[]): string {
    const { acme, proxy } = context.profile.web;
    const { tlsDir } = context.profile.base;
    const time = renewalTime(context.vm.host);
    return renderTemplate('proxy/provision.sh', {
        staticRoot: proxy.staticRoot,
        staticHosts: vhosts.filter(v => v.action.kind === 'static').map(v => `${proxy.staticRoot}/${v.fqdn}`),
        stateDir: acme.stateDir,
        challengeDir: acme.challengeDir,
        tlsDir,
        served: vhosts.map(v => ({ fqdn: v.fqdn, crt: `${tlsDir}/${v.fqdn}.crt`, key: `${tlsDir}/${v.fqdn}.key` })),
        cronLine: `${time.minute} ${time.hour} * * * ${acme.renewScript} >>${acme.logFile} 2>&1`,
        renewScript: acme.renewScript
    });
}

export const renderProxy: RoleRenderer = (context, role): RoleOutput => {
    const companies = roleCompanies(context, role);
    const vhosts = proxyVirtualHosts(context.infra, companies);
    const { proxy, acme } = context.profile.web;
    const site = renderTemplate('proxy/proxy.conf', {
        companies: companies.map(c => c.name),
        acmeNames: acmeCertificates(companies).map(c => c.fqdn),
        challengeDir: acme.challengeDir,
        tlsDir: context.profile.base.tlsDir,
        http2Directive: proxy.http2Directive,
        websocketTimeout: WEBSOCKET_TIMEOUT_SECONDS,
        vhosts: vhosts.map(v => vhostView(v, proxy.staticRoot))
    });
    return {
        files: [
            { host: context.vm.host, path: `${context.profile.base.nginxConfDir}/sites/proxy.conf`, mode: 0o644, content: site },
            ...mailDiscoveryFiles(context, companies),
            ...acmeFiles(context, companies)
        ],
        provision: provision(context, vhosts)
    };
};
