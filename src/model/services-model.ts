import type { Company, ServiceKind, SettingValue } from '../language/generated/ast.js';
import { SIZE_UNITS } from '../language/catalog/keywords.js';
import { DEFAULT_GIT_SSH_PORT, serviceInfo } from '../language/catalog/services.js';
import { serviceSetting, servicesOf, settingPort } from '../language/semantics/company-facts.js';
import type { ServicesModel } from './infrastructure.js';

export const DEFAULT_CLOUD_QUOTA_BYTES = 10 * SIZE_UNITS.GB;

/** A company's services with every per-service setting resolved to its value or the catalog default. */
export function resolveServices(company: Company, domain: string): ServicesModel {
    const enabled = [...new Set(servicesOf(company))];
    const value = (service: ServiceKind, key: string): SettingValue | undefined => serviceSetting(company, service, key)?.value;
    const host = (service: ServiceKind) => {
        const hostname = value(service, 'hostname')?.word ?? value(service, 'hostname')?.text ?? serviceInfo(service).defaultHostname;
        return { hostname, fqdn: `${hostname}.${domain}` };
    };
    const flag = (service: ServiceKind, key: string, fallback: boolean): boolean => {
        const v = value(service, key)?.flag;
        return v === undefined ? fallback : v === 'on';
    };
    const displayName = company.displayName ?? company.name;
    const has = (s: ServiceKind) => enabled.includes(s);
    const quota = value('cloud', 'quota')?.size;
    return {
        enabled,
        ...(has('website') ? { website: { ...host('website'), title: value('website', 'title')?.text ?? displayName } } : {}),
        ...(has('webmail') ? { webmail: { ...host('webmail'), productName: value('webmail', 'product-name')?.text ?? `${displayName} Webmail` } } : {}),
        ...(has('cloud') ? { cloud: { ...host('cloud'), quotaBytes: quota?.unit ? quota.value * SIZE_UNITS[quota.unit] : DEFAULT_CLOUD_QUOTA_BYTES } } : {}),
        ...(has('git') ? {
            git: {
                ...host('git'),
                registration: value('git', 'registration')?.word === 'open' ? 'open' as const : 'closed' as const,
                sshPort: settingPort(value('git', 'ssh-port')) ?? DEFAULT_GIT_SSH_PORT
            }
        } : {}),
        ...(has('meet') ? { meet: { ...host('meet'), guests: flag('meet', 'guests', true), lobby: flag('meet', 'lobby', false) } } : {})
    };
}
