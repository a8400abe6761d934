import type { GeneratedFile } from '../../src/generator/file-set.js';
import type { HostTree } from './support/config-tree.js';

/**
 * Generated files no program on this machine can check, each with the reason. Everything else must
 * be claimed by a checker (see config-suite.ts); this list is the "not at all" of the summary.
 */
const UNCHECKED: readonly { readonly match: (host: HostTree, file: GeneratedFile) => boolean, readonly reason: string }[] = [
    {
        match: (host, file) => file.path === `${host.profile.meet.web.configDir}/title.html`.slice(host.dir.length),
        reason: 'Jitsi\'s title.html: an HTML fragment nginx splices into jitsi-meet-web\'s index.html (SSI); the page is not in Debian'
    },
    {
        match: (host, file) => file.path.endsWith('/style.css') && file.path.startsWith(`${host.profile.web.website.rootDir.slice(host.dir.length)}/`),
        reason: 'the website\'s stylesheet: Debian 12 has no CSS validator, and CSS parsing recovers from any input (a parser accepts everything)'
    },
];

export function uncheckedReason(host: HostTree, file: GeneratedFile): string | undefined {
    return UNCHECKED.find(entry => entry.match(host, file))?.reason;
}
