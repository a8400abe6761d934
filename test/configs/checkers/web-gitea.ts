import { existsSync } from 'node:fs';
import { findingFrom, runTool, type Checker, type Finding } from '../support/checker.js';
import { treePath, type HostTree } from '../support/config-tree.js';
import { fileAt } from './web-support.js';

/**
 * Gitea is not in Debian, so its app.ini gets a strict INI parse (Python's configparser: duplicate
 * sections or keys and lines that are neither are errors) plus the keys Gitea needs to start
 * without its installer; its systemd unit (written because no package ships one) goes through
 * systemd's own `systemd-analyze verify`.
 */

/*
 * go-ini (Gitea's parser) puts keys before the first section in its DEFAULT section; configparser
 * wants a header first, so one is prepended in memory (the file on disk is parsed as written).
 * Keys keep their case (optionxform). Prints {section: {key: value}} or the parser's error.
 */
const PARSE_INI = `
import configparser, json, sys
text = open(sys.argv[1], encoding='utf-8').read()
parser = configparser.ConfigParser(strict=True, interpolation=None, default_section='companykit-no-default', comment_prefixes=(';', '#'))
parser.optionxform = str
try:
    parser.read_string('[DEFAULT]\\n' + text, source=sys.argv[1])
except configparser.ParsingError as error:
    # Line numbers count the prepended header: report the file's own.
    for lineno, line in error.errors:
        print(f'line {lineno - 1}: Source contains parsing errors: {line}', file=sys.stderr)
    sys.exit(1)
except (configparser.DuplicateSectionError, configparser.DuplicateOptionError) as error:
    print(f'line {(error.lineno or 1) - 1}: {error.message}', file=sys.stderr)
    sys.exit(1)
except configparser.Error as error:
    print(error.message, file=sys.stderr)
    sys.exit(1)
print(json.dumps({name: dict(parser[name]) for name in parser.sections()}))
`;

type Ini = Record<string, Record<string, string>>;

/** [section, key, test of the value, what it must be] — what Gitea reads to run installed (INSTALL_LOCK) against MariaDB. */
const REQUIRED: readonly [string, string, (value: string) => boolean, string][] = [
    ['DEFAULT', 'RUN_USER', v => v.length > 0, 'the user Gitea runs as'],
    ['DEFAULT', 'WORK_PATH', v => v.startsWith('/'), 'an absolute path'],
    ['server', 'DOMAIN', v => /^[a-z0-9.-]+$/.test(v), 'a host name'],
    ['server', 'ROOT_URL', v => /^https:\/\/[^/]+\/$/.test(v), 'https://<name>/'],
    ['server', 'HTTP_PORT', v => /^\d+$/.test(v), 'a port number'],
    ['server', 'HTTP_ADDR', v => /^[0-9.]+$/.test(v), 'an address'],
    ['database', 'DB_TYPE', v => v === 'mysql', 'mysql'],
    ['database', 'HOST', v => /^[0-9.]+:\d+$/.test(v), 'address:port'],
    ['database', 'NAME', v => v.length > 0, 'the database'],
    ['database', 'USER', v => v.length > 0, 'the account'],
    ['database', 'PASSWD', v => v.length > 0, 'the password'],
    ['repository', 'ROOT', v => v.startsWith('/'), 'an absolute path'],
    ['security', 'INSTALL_LOCK', v => v === 'true', 'true (no web installer)'],
    ['security', 'SECRET_KEY', v => v.length >= 32, 'a secret'],
    ['security', 'INTERNAL_TOKEN', v => v.length >= 32, 'a secret'],
    ['oauth2', 'JWT_SECRET', v => v.length >= 32, 'a secret'],
    ['log', 'ROOT_PATH', v => v.startsWith('/'), 'an absolute path']
];

function giteaIniFindings(host: HostTree, path: string, ini: Ini): Finding[] {
    const root = ini.DEFAULT ?? {};
    const sections: Ini = { ...ini, DEFAULT: root };
    return REQUIRED.flatMap(([section, key, test, what]) => {
        const value = sections[section]?.[key];
        return value !== undefined && test(value) ? [] : [{
            host: host.host, file: path,
            message: value === undefined ? `[${section}] ${key} is missing (${what})` : `[${section}] ${key} = ${value} is not ${what}`
        }];
    });
}

export const giteaIniCheck: Checker = {
    name: 'python3 configparser (Gitea app.ini)',
    kind: 'syntax',
    tools: ['python3'],
    claims(host) {
        const file = fileAt(host, host.profile.web.gitea.configFile);
        return file === undefined ? [] : [file];
    },
    check(host, files) {
        return files.flatMap(file => {
            const run = runTool('python3', ['-c', PARSE_INI, treePath(host, file)]);
            if (run.status !== 0) {
                return [findingFrom(host, file, run.stderr.trim())];
            }
            return giteaIniFindings(host, file.path, JSON.parse(run.stdout) as Ini);
        });
    },
    negativeControl: {
        pick: file => file.path.endsWith('/app.ini'),
        breakContent: content => content.replace('[database]', '[database'),
        expect: /Source contains parsing errors/
    }
};

/**
 * `systemd-analyze verify UNIT` loads the unit as systemd would (unknown keys and sections, bad
 * values, missing ExecStart binaries). The one thing it cannot find here is the Gitea binary the
 * admin installs by hand (provision.sh stops until it is there): only that exact complaint is
 * tolerated, and only while the binary is really absent.
 */
export const giteaUnitCheck: Checker = {
    name: 'systemd-analyze verify',
    kind: 'daemon',
    tools: ['systemd-analyze'],
    claims(host) {
        const unit = host.profile.web.gitea.systemdUnit;
        const file = unit === undefined ? undefined : fileAt(host, unit);
        return file === undefined ? [] : [file];
    },
    check(host, files) {
        const binary = host.profile.web.gitea.binary;
        return files.flatMap(file => {
            const run = runTool('systemd-analyze', ['verify', '--man=no', treePath(host, file)]);
            const expectedAbsence = existsSync(binary) ? undefined : `Command ${binary} is not executable: No such file or directory`;
            const complaints = run.output.split('\n').filter(line => line.trim() !== '' && (expectedAbsence === undefined || !line.endsWith(expectedAbsence)));
            if (complaints.length === 0 && (run.status === 0 || expectedAbsence !== undefined)) {
                return [];
            }
            return [{ host: host.host, file: file.path, line: lineOf(complaints.join('\n')), message: complaints.join('\n') || run.output }];
        });
    },
    negativeControl: {
        pick: file => file.path.endsWith('.service'),
        breakContent: content => content.replace('Restart=always', 'Restrat=always'),
        expect: /Unknown key 'Restrat' in section \[Service\]/
    }
};

/** `/…/gitea.service:14: Unknown key …` → 14. */
const lineOf = (message: string): number | undefined => {
    const match = /\.service:(\d+):/.exec(message);
    return match ? Number(match[1]) : undefined;
};
