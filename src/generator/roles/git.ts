import type { GeneratedFile } from '../file-set.js';
import type { RoleRenderer } from '../guest-context.js';
import { roleCompanies } from '../guest-context.js';
import { renderTemplate } from '../templates.js';
import { giteaInstance } from '../../model/web-apps-gitea.js';

/**
 * Gitea: `app.ini` (0640, owner git: Gitea reads it as git and must not expose its secrets), a
 * systemd unit where no package brings one (Debian), and the provision step (the git user where no
 * package creates it, directories, git's login shell, schema migration, the LDAP sign-in source).
 * No nginx here: the reverse proxy talks to Gitea on port 3000 (see model/web-backends.ts).
 */
export const renderGit: RoleRenderer = (context, role) => {
    const { vm, profile } = context;
    const { gitea } = profile.web;
    const g = giteaInstance(context.infra, context.secrets, vm, roleCompanies(context, role));
    if (!g) {
        // A git role none of whose companies uses git: nothing to serve.
        return { files: [] };
    }
    const files: GeneratedFile[] = [{
        host: vm.host, path: gitea.configFile, mode: 0o640, owner: gitea.user, group: gitea.group,
        content: renderTemplate('git/app.ini', { g, gitea })
    }];
    if (profile.base.initSystem === 'systemd' && gitea.systemdUnit !== undefined) {
        files.push({ host: vm.host, path: gitea.systemdUnit, mode: 0o644, content: renderTemplate('git/gitea.service', { g, gitea }) });
    }
    return {
        files,
        provision: renderTemplate('git/provision.sh', {
            g, gitea, owner: `${gitea.user}:${gitea.group}`, client: profile.web.mariadb.client, loginShell: '/bin/sh',
            // The gitea package creates its user; the binary installed by hand does not.
            createUser: profile.base.packages.gitea.length === 0
        })
    };
};
