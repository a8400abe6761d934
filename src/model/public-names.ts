import type { ServiceKind } from '../language/generated/ast.js';
import { serviceInfo } from '../language/catalog/services.js';
import type { PublicName } from './infrastructure.js';
import type { VmLocator } from './vm-locator.js';

/**
 * The public host names of a company, all on its server's one public address: the web names go
 * through the reverse proxy, `mail` (IMAP, submission) and `mx` (incoming SMTP) reach their VMs
 * through the port forwards. autoconfig and mta-sts are served by the proxy itself (static files).
 * `hostnames` overrides the catalog label per service (`cloud { hostname files }`).
 */
export function publicNames(company: string, domain: string, services: readonly ServiceKind[], locate: VmLocator,
    hostnames: Partial<Record<ServiceKind, string>> = {}): PublicName[] {
    const names: PublicName[] = [];
    const add = (label: string, purpose: PublicName['purpose'], web: boolean, backend: string | undefined) => {
        names.push({ fqdn: label === '@' ? domain : `${label}.${domain}`, label, purpose, web, ...(backend ? { backend } : {}) });
    };
    const proxy = locate(company, 'proxy');
    if (services.includes('website')) {
        add('@', 'apex', true, locate(company, 'website'));
    }
    for (const service of ['website', 'webmail', 'cloud', 'git', 'meet'] as const) {
        if (services.includes(service)) {
            add(hostnames[service] ?? serviceInfo(service).defaultHostname, service, true, locate(company, service));
        }
    }
    add('autoconfig', 'autoconfig', true, proxy);
    add('mta-sts', 'mta-sts', true, proxy);
    add('mail', 'mail', false, locate(company, 'mail'));
    add('mx', 'mx', false, locate(company, 'mx'));
    return names;
}
