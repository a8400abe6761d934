import type { GeneratedFile } from '../file-set.js';
import type { RoleOutput, RoleRenderer } from '../guest-context.js';
import { roleCompanies } from '../guest-context.js';
import { renderTemplate } from '../templates.js';
import { websiteSites } from '../../model/virtual-hosts.js';

/**
 * The website VM: nginx `sites/website.conf` with one plain-HTTP server per company (the proxy
 * terminates TLS), and a static branded home page plus its stylesheet per company. No external
 * assets: the page works offline and leaks nothing to third parties.
 */
export const renderWebsite: RoleRenderer = (context, role): RoleOutput => {
    const rootDir = context.profile.web.website.rootDir;
    const host = context.vm.host;
    const sites = websiteSites(roleCompanies(context, role)).map(site => ({ ...site, root: `${rootDir}/${site.domain}` }));
    const files: GeneratedFile[] = [{
        host,
        path: `${context.profile.base.nginxConfDir}/sites/website.conf`,
        mode: 0o644,
        content: renderTemplate('website/website.conf', { companies: sites.map(s => s.company), sites })
    }];
    for (const site of sites) {
        files.push(
            { host, path: `${site.root}/index.html`, mode: 0o644, content: renderTemplate('website/index.html', site) },
            { host, path: `${site.root}/style.css`, mode: 0o644, content: renderTemplate('website/style.css', {}) }
        );
    }
    return { files, provision: renderTemplate('website/provision.sh', { rootDir, roots: sites.map(s => s.root) }) };
};
