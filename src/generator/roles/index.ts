import type { RoleRenderers } from '../guest-context.js';
import { renderLdap } from './ldap.js';
import { renderDns } from './dns.js';
import { renderMx } from './mx.js';
import { renderMail } from './mail.js';
import { renderWebmail } from './webmail.js';
import { renderDatabase } from './database.js';
import { renderCloud } from './cloud.js';
import { renderGit } from './git.js';
import { renderMeet } from './meet.js';
import { renderVideobridge } from './videobridge.js';
import { renderProxy } from './proxy.js';
import { renderWebsite } from './website.js';

/** Which renderer writes each role's files. */
export const ROLE_RENDERERS: RoleRenderers = {
    ldap: renderLdap,
    dns: renderDns,
    mx: renderMx,
    mail: renderMail,
    webmail: renderWebmail,
    database: renderDatabase,
    cloud: renderCloud,
    git: renderGit,
    meet: renderMeet,
    videobridge: renderVideobridge,
    proxy: renderProxy,
    website: renderWebsite
};
