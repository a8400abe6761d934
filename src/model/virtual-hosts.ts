import type { CompanyModel, Infrastructure, PublicName } from './infrastructure.js';
import { backendPort } from './web-backends.js';
import { vmByHost } from './locate.js';

/**
 * The reverse proxy's virtual hosts: one HTTPS server per public web name of each company it
 * serves, and what each does (proxy to a backend VM by private address, redirect, or serve the
 * proxy's own static files). Decisions taken here, so the nginx template only prints them:
 *
 * - The bare domain redirects to the website name: one canonical URL per site, and the website VM
 *   still answers both names should the proxy ever forward the apex.
 * - Body size per app: cloud up to the company's cloud quota (no single file can be bigger),
 *   webmail the mail size limit (an attachment cannot exceed the message), git a generous 512 MiB
 *   for HTTP pushes and LFS, everything else nginx's 1 MiB default.
 * - Security headers: HSTS everywhere; the others only where the app does not send its own
 *   (Nextcloud sends nosniff, Referrer-Policy and X-Frame-Options; Roundcube and Gitea send
 *   X-Frame-Options), because a duplicated header fails browsers' and Nextcloud's own checks.
 * - Meet gets its websocket paths as their own locations with a long read timeout (XMPP over
 *   websocket and the videobridge's colibri channel stay open for a whole meeting).
 */

export type VirtualHostAction =
    | { readonly kind: 'proxy', readonly upstream: string }
    | { readonly kind: 'redirect', readonly target: string }
    | { readonly kind: 'static' };

export interface ResponseHeader {
    readonly name: string;
    readonly value: string;
}

export interface ProxyVirtualHost {
    readonly fqdn: string;
    readonly company: string;
    readonly purpose: PublicName['purpose'];
    readonly action: VirtualHostAction;
    /** nginx size syntax, e.g. `25m`. */
    readonly maxBodySize: string;
    /** Added by the proxy to every response (`add_header … always`). */
    readonly headers: readonly ResponseHeader[];
    /** Locations needing a long-lived upgraded connection, e.g. `/xmpp-websocket`. */
    readonly websocketPaths: readonly string[];
    /** Stream request bodies to the backend instead of spooling them on the proxy first (large uploads). */
    readonly streamUploads: boolean;
}

export const HSTS_MAX_AGE_SECONDS = 31_536_000;
export const MEET_WEBSOCKET_PATHS: readonly string[] = ['/xmpp-websocket', '/colibri-ws/'];
/** How long an idle websocket stays open through the proxy. */
export const WEBSOCKET_TIMEOUT_SECONDS = 900;
const GIT_MAX_BODY_MIB = 512;
const DEFAULT_MAX_BODY_MIB = 1;
const MIB = 1024 * 1024;

type HeaderName = 'X-Content-Type-Options' | 'Referrer-Policy' | 'X-Frame-Options';

/** The headers each app already sends itself (so the proxy must not add them again). */
const APP_OWN_HEADERS: Partial<Record<PublicName['purpose'], readonly HeaderName[]>> = {
    cloud: ['X-Content-Type-Options', 'Referrer-Policy', 'X-Frame-Options'],
    webmail: ['X-Frame-Options'],
    git: ['X-Frame-Options']
};

const SECURITY_HEADERS: readonly { readonly name: HeaderName, readonly value: string }[] = [
    { name: 'X-Content-Type-Options', value: 'nosniff' },
    { name: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { name: 'X-Frame-Options', value: 'SAMEORIGIN' }
];

export function securityHeaders(purpose: PublicName['purpose']): ResponseHeader[] {
    const own = APP_OWN_HEADERS[purpose] ?? [];
    return [
        { name: 'Strict-Transport-Security', value: `max-age=${HSTS_MAX_AGE_SECONDS}` },
        ...SECURITY_HEADERS.filter(h => !own.includes(h.name))
    ];
}

/** Bytes → nginx size, rounded up to whole MiB so a limit is never below the app's own. */
export function nginxSize(bytes: number): string {
    return `${Math.max(1, Math.ceil(bytes / MIB))}m`;
}

export function maxBodySize(company: CompanyModel, purpose: PublicName['purpose']): string {
    switch (purpose) {
        case 'cloud': return nginxSize(company.services.cloud?.quotaBytes ?? DEFAULT_MAX_BODY_MIB * MIB);
        case 'webmail': return nginxSize(company.mail.maxMessageSizeBytes);
        case 'git': return `${GIT_MAX_BODY_MIB}m`;
        default: return `${DEFAULT_MAX_BODY_MIB}m`;
    }
}

/** The backend VM's private address, looked up by host id (DECIDED: upstreams by IP address). */
function vmAddress(infra: Infrastructure, host: string): string {
    return vmByHost(infra, host).address;
}

function action(infra: Infrastructure, company: CompanyModel, name: PublicName): VirtualHostAction {
    switch (name.purpose) {
        case 'apex': {
            const website = company.services.website;
            if (!website) {
                throw new Error(`company ${company.name} has an apex web name without a website`);
            }
            return { kind: 'redirect', target: `https://${website.fqdn}` };
        }
        case 'autoconfig':
        case 'mta-sts':
            return { kind: 'static' };
        case 'website': case 'webmail': case 'cloud': case 'git': case 'meet': {
            if (!name.backend) {
                throw new Error(`${name.fqdn} has no backend VM`);
            }
            return { kind: 'proxy', upstream: `http://${vmAddress(infra, name.backend)}:${backendPort(name.purpose)}` };
        }
        default:
            throw new Error(`${name.fqdn} (${name.purpose}) is not a web name the proxy serves`);
    }
}

/** Every HTTPS virtual host of the companies, in the companies' order then their public names' order. */
export function proxyVirtualHosts(infra: Infrastructure, companies: readonly CompanyModel[]): ProxyVirtualHost[] {
    return companies.flatMap(company => company.publicNames.filter(name => name.web).map(name => ({
        fqdn: name.fqdn,
        company: company.name,
        purpose: name.purpose,
        action: action(infra, company, name),
        maxBodySize: maxBodySize(company, name.purpose),
        headers: securityHeaders(name.purpose),
        websocketPaths: name.purpose === 'meet' ? MEET_WEBSOCKET_PATHS : [],
        streamUploads: name.purpose === 'cloud'
    })));
}

// ------------------------------------------------------------------ the website VM

export interface ServiceLink {
    readonly label: string;
    readonly description: string;
    readonly url: string;
}

/** One company's static site on the website VM. */
export interface WebsiteSite {
    readonly company: string;
    readonly domain: string;
    /** The bare domain and the website name: both reach this site when forwarded. */
    readonly serverNames: readonly string[];
    readonly title: string;
    readonly displayName: string;
    /** Shown under the title only when the title is not the name itself. */
    readonly showDisplayName: boolean;
    /** The page's `lang`: the company locale as a BCP 47 tag (`en_US` → `en-US`). */
    readonly language: string;
    /** The company's other public web services, in the public names' order. */
    readonly links: readonly ServiceLink[];
    /** Where mail clients connect (shown on the page for manual setup). */
    readonly mailHost: string;
}

const SERVICE_LINK_TEXT: Partial<Record<PublicName['purpose'], { readonly label: string, readonly description: string }>> = {
    webmail: { label: 'Webmail', description: 'Read and send mail in the browser.' },
    cloud: { label: 'Cloud', description: 'Files, calendars and contacts.' },
    git: { label: 'Git', description: 'Code repositories.' },
    meet: { label: 'Meet', description: 'Video meetings.' }
};

/**
 * The sites of the companies a website role serves. A shared website role serves every hosted
 * company, but only those with the `website` service get a site.
 */
export function websiteSites(companies: readonly CompanyModel[]): WebsiteSite[] {
    return companies.flatMap(company => company.services.website ? [websiteSite(company, company.services.website)] : []);
}

function websiteSite(company: CompanyModel, website: NonNullable<CompanyModel['services']['website']>): WebsiteSite {
    const links = company.publicNames.flatMap(name => {
        const text = SERVICE_LINK_TEXT[name.purpose];
        if (!text) {
            return [];
        }
        const label = name.purpose === 'webmail' && company.services.webmail ? company.services.webmail.productName : text.label;
        return [{ label, description: text.description, url: `https://${name.fqdn}/` }];
    });
    const mail = company.publicNames.find(n => n.purpose === 'mail');
    return {
        company: company.name,
        domain: company.domain,
        serverNames: [company.domain, website.fqdn].filter((name, index, all) => all.indexOf(name) === index),
        title: website.title,
        displayName: company.displayName,
        showDisplayName: website.title !== company.displayName,
        language: company.locale.split(/[.@]/)[0]!.replace(/_/g, '-'),
        links,
        mailHost: mail?.fqdn ?? `mail.${company.domain}`
    };
}
