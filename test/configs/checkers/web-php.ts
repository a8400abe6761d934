import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { GeneratedFile } from '../../../src/generator/file-set.js';
import { runTool, type Checker, type Finding } from '../support/checker.js';
import { treePath, type HostTree } from '../support/config-tree.js';
import { fileAt, filesUnder, findingAbout } from './web-support.js';

/**
 * The PHP configs of Roundcube and Nextcloud: `php -l` on each, then what the applications read
 * from them, by PHP itself including the files: Roundcube's `$config` (every key must be one
 * Roundcube 1.6 knows, from roundcube-core's defaults.inc.php; every plugin must be installed;
 * every host file must exist and give each company its database, IMAP, SMTP and des_key) and
 * Nextcloud's `$CONFIG` (the keys config.sample.php documents for a working instance).
 */

const phpFiles = (host: HostTree): GeneratedFile[] => host.files.filter(f => f.path.endsWith('.php'));

export const phpLintCheck: Checker = {
    name: 'php -l',
    kind: 'syntax',
    tools: ['php'],
    claims: phpFiles,
    check(host, files) {
        return files.flatMap(file => {
            const run = runTool('php', ['-l', treePath(host, file)]);
            return run.status === 0 ? [] : [findingAbout(host, files, file, run.stderr || run.output)];
        });
    },
    negativeControl: {
        pick: file => file.path.endsWith('/config.inc.php'),
        breakContent: content => content.replace('$config = [];', '$config = [;'),
        expect: /PHP Parse error/
    }
};

/** Roundcube's own defaults (roundcube-core): the keys it reads. A system file, never generated. */
const ROUNDCUBE_DEFAULTS = '/etc/roundcube/defaults.inc.php';
const ROUNDCUBE_PLUGINS = '/usr/share/roundcube/plugins';

const ROUNDCUBE_DUMP = `
define('RCUBE_INSTALL_PATH', '/usr/share/roundcube/');
$config = []; include '${ROUNDCUBE_DEFAULTS}'; $known = array_keys($config);
$config = []; include $argv[1]; $main = $config; $sites = [];
foreach (($main['include_host_config'] ?? []) as $name => $file) {
    $config = $main;
    $hostFile = dirname($argv[1]) . '/' . $file;
    if (is_file($hostFile)) { include $hostFile; $sites[$name] = ['file' => $hostFile, 'config' => $config]; }
    else { $sites[$name] = ['file' => $hostFile, 'config' => null]; }
}
echo json_encode(['known' => $known, 'main' => $main, 'sites' => $sites]);`;

type PhpArray = Record<string, unknown>;

interface RoundcubeDump {
    known: string[];
    main: PhpArray;
    sites: Record<string, { file: string, config: PhpArray | null }>;
}

const SITE_KEYS = ['db_dsnw', 'imap_host', 'smtp_host', 'des_key', 'username_domain'];

function roundcubeFindings(host: HostTree, mainFile: GeneratedFile, hostFiles: readonly GeneratedFile[]): Finding[] {
    const run = runTool('php', ['-r', ROUNDCUBE_DUMP, '--', treePath(host, mainFile)]);
    if (run.status !== 0) {
        return [{ host: host.host, file: mainFile.path, message: run.output }];
    }
    const dump = JSON.parse(run.stdout) as RoundcubeDump;
    const problems: { file: string, message: string }[] = [];
    const say = (file: string, message: string) => problems.push({ file, message });
    const unknown = (config: PhpArray) => Object.keys(config).filter(key => !dump.known.includes(key));
    unknown(dump.main).forEach(key => say(mainFile.path, `Roundcube has no config key '${key}' (not in ${ROUNDCUBE_DEFAULTS})`));
    for (const plugin of (dump.main.plugins ?? []) as string[]) {
        if (!existsSync(path.join(ROUNDCUBE_PLUGINS, plugin, `${plugin}.php`))) {
            say(mainFile.path, `plugin '${plugin}' is not installed in ${ROUNDCUBE_PLUGINS} (roundcube-plugins)`);
        }
    }
    for (const dir of ['log_dir', 'temp_dir']) {
        if (typeof dump.main[dir] !== 'string' || !path.isAbsolute(dump.main[dir] as string)) {
            say(mainFile.path, `${dir} must be an absolute path, is ${JSON.stringify(dump.main[dir])}`);
        }
    }
    if (Object.keys(dump.sites).length === 0) {
        say(mainFile.path, 'include_host_config lists no host: no company could sign in');
    }
    const listed = Object.values(dump.sites).map(site => site.file.slice(host.dir.length));
    hostFiles.filter(file => !listed.includes(file.path))
        .forEach(file => say(file.path, `not listed in include_host_config of ${mainFile.path}: Roundcube never reads it`));
    for (const [name, site] of Object.entries(dump.sites)) {
        const file = site.file.startsWith(host.dir) ? site.file.slice(host.dir.length) : site.file;
        if (site.config === null) {
            say(mainFile.path, `include_host_config: ${name} → ${file}, which was not generated`);
            continue;
        }
        unknown(site.config).forEach(key => say(file, `Roundcube has no config key '${key}' (not in ${ROUNDCUBE_DEFAULTS})`));
        SITE_KEYS.filter(key => typeof site.config![key] !== 'string' || site.config![key] === '')
            .forEach(key => say(file, `${name}: '${key}' is not set`));
        if (typeof site.config.des_key === 'string' && site.config.des_key.length !== 24) {
            say(file, `${name}: des_key must be 24 characters, has ${site.config.des_key.length}`);
        }
        if (typeof site.config.db_dsnw === 'string' && !/^mysql:\/\/[^:@/]+:[^@]+@[^/:]+(:\d+)?\/\w+$/.test(site.config.db_dsnw)) {
            say(file, `${name}: db_dsnw is not a mysql://user:password@host[:port]/database DSN`);
        }
    }
    return problems.map(p => ({ host: host.host, file: p.file, message: p.message }));
}

/** What Nextcloud needs to run an installed instance from config alone (names from config.sample.php). */
const NEXTCLOUD_KEYS = ['instanceid', 'passwordsalt', 'secret', 'trusted_domains', 'datadirectory', 'dbtype', 'dbhost', 'dbname', 'dbuser', 'dbpassword', 'overwrite.cli.url'];

function nextcloudFindings(host: HostTree, file: GeneratedFile): Finding[] {
    const run = runTool('php', ['-r', '$CONFIG = null; include $argv[1]; echo json_encode($CONFIG);', '--', treePath(host, file)]);
    if (run.status !== 0) {
        return [{ host: host.host, file: file.path, message: run.output }];
    }
    const config = JSON.parse(run.stdout) as PhpArray | null;
    if (config === null || typeof config !== 'object') {
        return [{ host: host.host, file: file.path, message: '$CONFIG is not an array' }];
    }
    const messages = NEXTCLOUD_KEYS.filter(key => config[key] === undefined || config[key] === '').map(key => `'${key}' is not set`);
    if (!Array.isArray(config.trusted_domains) || config.trusted_domains.length === 0) {
        messages.push('trusted_domains must list the instance\'s host name');
    }
    if (config.dbtype !== 'mysql') {
        messages.push(`dbtype is ${JSON.stringify(config.dbtype)}, expected 'mysql'`);
    }
    if (typeof config.datadirectory !== 'string' || !path.isAbsolute(config.datadirectory)) {
        messages.push('datadirectory must be an absolute path');
    }
    return messages.map(message => ({ host: host.host, file: file.path, message }));
}

const roundcubeMain = (host: HostTree) => fileAt(host, `${host.profile.web.roundcube.configDir}/config.inc.php`);
const roundcubeHostFiles = (host: HostTree, main: GeneratedFile) =>
    filesUnder(host, host.profile.web.roundcube.configDir).filter(f => f.path.endsWith('.php') && f !== main);
const nextcloudConfigs = (host: HostTree) => filesUnder(host, host.profile.web.nextcloud.instancesDir).filter(f => f.path.endsWith('.config.php'));

export const phpConfigKeysCheck: Checker = {
    name: 'php -r (Roundcube $config, Nextcloud $CONFIG keys)',
    kind: 'syntax',
    tools: ['php'],
    claims(host) {
        const main = roundcubeMain(host);
        const roundcube = main === undefined ? [] : [main, ...roundcubeHostFiles(host, main)];
        return [...roundcube, ...nextcloudConfigs(host)];
    },
    check(host) {
        if (!existsSync(ROUNDCUBE_DEFAULTS)) {
            throw new Error(`${ROUNDCUBE_DEFAULTS} is missing: install roundcube-core and roundcube-plugins as .ci/run does`);
        }
        const main = roundcubeMain(host);
        return [
            ...(main === undefined ? [] : roundcubeFindings(host, main, roundcubeHostFiles(host, main))),
            ...nextcloudConfigs(host).flatMap(file => nextcloudFindings(host, file))
        ];
    },
    negativeControl: {
        pick: file => /\/roundcube\/[^/]+\.inc\.php$/.test(file.path) && !file.path.endsWith('/config.inc.php'),
        breakContent: content => content.replace("$config['imap_host']", "$config['imap_hots']"),
        expect: /no config key 'imap_hots'/
    }
};
