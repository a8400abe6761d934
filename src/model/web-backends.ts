import type { PublicName } from './infrastructure.js';

/**
 * The port a web backend answers the reverse proxy on, on its VM's private address. The proxy
 * terminates TLS and speaks plain HTTP to these. Nginx-fronted backends (website, webmail, cloud,
 * meet) listen on 80; Gitea serves HTTP itself on 3000, with no nginx on the git VM.
 */
export type WebBackendPurpose = Extract<PublicName['purpose'], 'website' | 'webmail' | 'cloud' | 'git' | 'meet'>;

export const GITEA_HTTP_PORT = 3000;
export const NGINX_BACKEND_PORT = 80;

export function backendPort(purpose: WebBackendPurpose): number {
    return purpose === 'git' ? GITEA_HTTP_PORT : NGINX_BACKEND_PORT;
}
