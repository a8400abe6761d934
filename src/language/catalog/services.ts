import type { ServiceKind } from '../generated/ast.js';

/** The kind of value a per-service setting takes. */
export type SettingValueKind =
    | { readonly kind: 'size' }
    | { readonly kind: 'port' }
    | { readonly kind: 'text' }
    | { readonly kind: 'label' }
    | { readonly kind: 'flag' }
    | { readonly kind: 'choice', readonly choices: readonly string[] };

/** Public port of a company's Gitea SSH when its `git { ssh-port N }` says nothing. */
export const DEFAULT_GIT_SSH_PORT = 2222;

export interface ServiceSettingInfo {
    readonly key: string;
    readonly value: SettingValueKind;
    readonly summary: string;
    readonly default: string;
}

export interface ServiceInfo {
    readonly service: ServiceKind;
    readonly summary: string;
    /** Host name label under the company domain, e.g. `cloud` for cloud.acme.example. */
    readonly defaultHostname: string;
    readonly settings: readonly ServiceSettingInfo[];
}

const hostname = (defaultLabel: string): ServiceSettingInfo => ({
    key: 'hostname', value: { kind: 'label' }, default: defaultLabel,
    summary: `The public host name under the company domain (default \`${defaultLabel}\`).`
});

export const SERVICES: readonly ServiceInfo[] = [
    {
        service: 'website', defaultHostname: 'www',
        summary: 'The public website at www.<domain> (and the bare domain), static files served by nginx.',
        settings: [
            hostname('www'),
            { key: 'title', value: { kind: 'text' }, default: 'the company display name', summary: 'Title of the placeholder home page.' }
        ]
    },
    {
        service: 'webmail', defaultHostname: 'webmail',
        summary: 'Roundcube webmail at webmail.<domain>, logging in with the LDAP account.',
        settings: [
            hostname('webmail'),
            { key: 'product-name', value: { kind: 'text' }, default: '"<company> Webmail"', summary: 'Name shown on the Roundcube login page.' }
        ]
    },
    {
        service: 'cloud', defaultHostname: 'cloud',
        summary: 'Nextcloud at cloud.<domain>: files, calendars and contacts for every user.',
        settings: [
            hostname('cloud'),
            { key: 'quota', value: { kind: 'size' }, default: '10 GB', summary: 'Default storage quota of each user (a user\'s own `quota` wins).' }
        ]
    },
    {
        service: 'git', defaultHostname: 'git',
        summary: 'Gitea at git.<domain>, signing in with the LDAP account.',
        settings: [
            hostname('git'),
            {
                key: 'registration', value: { kind: 'choice', choices: ['open', 'closed'] }, default: 'closed',
                summary: 'Whether people outside the directory may register accounts.'
            },
            {
                key: 'ssh-port', value: { kind: 'port' }, default: String(DEFAULT_GIT_SSH_PORT),
                summary: 'Public TCP port forwarded to port 22 of the git VM, for git over SSH. Each company on a server needs its own, '
                    + 'and never 22 (the hypervisor\'s own SSH).'
            }
        ]
    },
    {
        service: 'meet', defaultHostname: 'meet',
        summary: 'Jitsi Meet video conferences at meet.<domain>; hosts sign in with LDAP.',
        settings: [
            hostname('meet'),
            { key: 'guests', value: { kind: 'flag' }, default: 'on', summary: 'Whether people without an account may join a room a host has opened.' },
            { key: 'lobby', value: { kind: 'flag' }, default: 'off', summary: 'Whether guests wait in a lobby until a host lets them in.' }
        ]
    }
];

export const SERVICE_NAMES: readonly ServiceKind[] = SERVICES.map(s => s.service);

/** The catalog entry of a service name, or undefined for a word that is not a service (hover, completion). */
export function findService(service: string): ServiceInfo | undefined {
    return SERVICES.find(s => s.service === service);
}

/** A per-service setting of the catalog, or undefined when the service has no such key. */
export function findSetting(service: string, key: string): ServiceSettingInfo | undefined {
    return findService(service)?.settings.find(s => s.key === key);
}

/** The catalog entry of a service the grammar accepted; throws if the catalog lacks it. */
export function serviceInfo(service: ServiceKind): ServiceInfo {
    const info = findService(service);
    if (!info) {
        throw new Error(`unknown service ${service}`);
    }
    return info;
}
