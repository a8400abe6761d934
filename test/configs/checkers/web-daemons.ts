import * as path from 'node:path';
import { runTool, type Checker, type Finding } from '../support/checker.js';
import { treePath, type HostTree } from '../support/config-tree.js';
import { createProvisionedCertificates } from '../support/provisioned-certificates.js';
import { ensureTreeDirs, fileAt, filesUnder, findingAbout } from './web-support.js';

/**
 * nginx and php-fpm: their own config tests (`nginx -t`, `php-fpm8.2 -t`) on the guest base's main
 * file and every role's site or pool it includes, read in place from the host's tree.
 */

function nginxFiles(host: HostTree) {
    const base = host.profile.base;
    const main = fileAt(host, `${base.nginxConfDir}/nginx.conf`);
    return main === undefined ? [] : [main, ...filesUnder(host, `${base.nginxConfDir}/sites`)];
}

/**
 * `nginx -t` reads nginx.conf, every site, the certificates and the system's mime.types and
 * fastcgi_params; it creates the temp directories and opens every log. `-p` makes the host's tree
 * the prefix, `-e` keeps even the start-up error log (compiled in as /var/log/nginx/error.log) in it.
 * Any [warn] (a conflicting server name, an ignored directive) is a finding too.
 */
export const nginxCheck: Checker = {
    name: 'nginx -t',
    kind: 'daemon',
    tools: ['nginx', 'openssl'],
    claims: nginxFiles,
    check(host, files) {
        const base = host.profile.base;
        const main = files[0]!;
        ensureTreeDirs(host, [base.nginxLogDir, base.nginxTempDir, path.dirname(base.nginxPidFile)]);
        createProvisionedCertificates(host);
        const run = runTool('nginx', ['-t', '-c', treePath(host, main), '-p', `${host.dir}/`, '-e', `${base.nginxLogDir}/error.log`]);
        const complaints = run.stderr.split('\n').filter(line => /\[(emerg|alert|crit|error|warn)\]/.test(line));
        if (run.status === 0 && complaints.length === 0) {
            return [];
        }
        return (complaints.length > 0 ? complaints : [run.output]).map(message => findingAbout(host, files, main, message));
    },
    negativeControl: {
        pick: file => file.path.endsWith('/sites/proxy.conf'),
        breakContent: content => content.replace('proxy_pass ', 'proxy_pas '),
        expect: /unknown directive "proxy_pas"/
    }
};

function phpFpmFiles(host: HostTree) {
    const base = host.profile.base;
    const main = fileAt(host, base.phpFpmConf);
    return main === undefined ? [] : [main, ...filesUnder(host, base.phpFpmPoolDir)];
}

/**
 * `php-fpm8.2 -t -y php-fpm.conf` loads the main file and every pool it includes (unknown entries,
 * users that do not exist, bad pm values). Opcache's lock file would go to /tmp: `-d` keeps it in the tree.
 */
export const phpFpmCheck: Checker = {
    name: 'php-fpm8.2 -t',
    kind: 'daemon',
    tools: ['php-fpm8.2'],
    claims: phpFpmFiles,
    check(host, files) {
        const base = host.profile.base;
        const main = files[0]!;
        const lockDir = path.join(host.dir, 'tmp');
        ensureTreeDirs(host, [path.dirname(base.phpFpmLogFile), lockDir]);
        const run = runTool('php-fpm8.2', ['-t', '-y', treePath(host, main), '-d', `opcache.lockfile_path=${lockDir}`]);
        if (run.status === 0) {
            return [];
        }
        // The first ERROR names the file and line; the ones after it only say the include failed.
        const errors = run.output.split('\n').filter(line => /\b(ERROR|ALERT):/.test(line));
        const first = errors[0] ?? run.output;
        const finding: Finding = findingAbout(host, files, main, first);
        return [{ ...finding, message: errors.length > 0 ? errors.join('\n') : finding.message }];
    },
    negativeControl: {
        pick: file => /\/pool\.d\/[^/]+\.conf$/.test(file.path),
        breakContent: content => content.replace('pm.max_children', 'pm.max_childs'),
        expect: /unknown entry 'pm\.max_childs'/
    }
};
