import type { PublicName } from '../model/infrastructure.js';
import type { WebBackendPurpose } from '../model/web-backends.js';

/** Layout keys of the diagram's nodes: prefixed so a VM, a server and the internet never clash. */

export const INTERNET_ID = 'internet';
export const CLIENTS_ID = 'mail-clients';

export const publicId = (server: string): string => `public:${server}`;
export const vmId = (host: string): string => `vm:${host}`;

const WEB_PURPOSES: readonly string[] = ['website', 'webmail', 'cloud', 'git', 'meet'] satisfies readonly WebBackendPurpose[];

/** A public name (or a role of the same name) that the reverse proxy passes to a backend VM. */
export function isWebPurpose(purpose: PublicName['purpose'] | string): purpose is WebBackendPurpose {
    return WEB_PURPOSES.includes(purpose);
}
