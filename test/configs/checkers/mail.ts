import type { GeneratedFile } from '../../../src/generator/file-set.js';
import { findingFrom, runTool, type Checker, type Finding, type ToolRun } from '../support/checker.js';
import { treePath, type HostTree } from '../support/config-tree.js';
import { dovecotConf, opendkimConf, opendkimTablesAndKeys, postfixMainCf, postfixMapFiles, postfixMasterCf, spamassassinLocalCf } from './mail-files.js';
import { prepareDkimKeyDirectories, preparePackagedSpamAssassinFiles, preparePostfixDirectories, TIMESTAMP } from './mail-runtime.js';
import { MAIL_LIVE_CHECKERS } from './mail-live.js';

/**
 * The mx and mail configs (Postfix, Dovecot 2.3, OpenDKIM, SpamAssassin) through Debian's own
 * checkers, in place in the host's tree with the paths as generated. Every one of these programs
 * exits 0 on some mistakes and only says so on stderr, so any output on stderr is a failure.
 */

const present = (...files: (GeneratedFile | undefined)[]): GeneratedFile[] => files.filter((f): f is GeneratedFile => f !== undefined);

/** A finding per failed run, on the claimed file the message names (by its rooted path), else the first. */
function findingsOf(host: HostTree, files: readonly GeneratedFile[], run: ToolRun, ok: boolean): Finding[] {
    if (ok) {
        return [];
    }
    // A run that exits 0 with warnings: only stderr is the message (stdout is the config dump).
    const text = run.stderr.trim() !== '' ? run.stderr : run.output;
    // Timestamps (`Nov 21 12:56:13.608 [17491] warn: …`) would pass for line numbers.
    const lines = text.split('\n').map(line => line.replace(TIMESTAMP, '')).filter(line => line.trim() !== '');
    const about = (line: string): GeneratedFile => files.find(f => line.includes(treePath(host, f))) ?? files[0];
    const byFile = new Map<GeneratedFile, string[]>();
    for (const line of lines.length > 0 ? lines : [`exit status ${run.status}`]) {
        byFile.set(about(line), [...byFile.get(about(line)) ?? [], line]);
    }
    return [...byFile].map(([file, text]) => findingFrom(host, file, text.join('\n')));
}

const configDir = (host: HostTree): string => host.profile.mail.postfix.configDir;

/** main.cf and every map file it names: postconf reads the maps too and warns about their unknown parameters. */
export const postconfN: Checker = {
    name: 'postconf -n',
    kind: 'daemon',
    tools: ['postconf'],
    claims: host => postfixMainCf(host) === undefined ? [] : present(postfixMainCf(host), ...postfixMapFiles(host)),
    check(host, files) {
        const run = runTool('postconf', ['-c', configDir(host), '-n']);
        return findingsOf(host, files, run, run.status === 0 && run.stderr === '');
    },
    negativeControl: {
        pick: file => file.path.endsWith('/main.cf'),
        breakContent: content => content.replace(/^message_size_limit =/m, 'message_size_limt ='),
        expect: /unused parameter: message_size_limt=/
    }
};

export const postconfM: Checker = {
    name: 'postconf -M',
    kind: 'daemon',
    tools: ['postconf'],
    claims: host => present(postfixMasterCf(host)),
    check(host, files) {
        const run = runTool('postconf', ['-c', configDir(host), '-M']);
        return findingsOf(host, files, run, run.status === 0 && run.stderr === '');
    },
    negativeControl: {
        pick: file => file.path.endsWith('/master.cf'),
        breakContent: content => content.replace(/^(pickup\s+)unix /m, '$1unixx'),
        expect: /invalid type field "unixx"/
    }
};

/**
 * `postfix check` only writes to stderr when stderr is a terminal (otherwise to syslog, absent
 * here); the generated main.cf sets no maillog_file, and adding one would be rewriting the config.
 * So it runs under `script -qec` (bsdutils), which gives it a pseudo-terminal: its own messages,
 * warnings included, come back as output. Any output is a finding (a clean check prints nothing).
 */
export const postfixCheck: Checker = {
    name: 'postfix check',
    kind: 'daemon',
    tools: ['postfix', 'script'],
    claims: host => postfixMainCf(host) === undefined ? [] : present(postfixMainCf(host), postfixMasterCf(host)),
    check(host, files) {
        preparePostfixDirectories(host);
        const command = ['postfix', '-c', configDir(host), 'check'].map(word => `'${word.replace(/'/g, `'\\''`)}'`).join(' ');
        const tty = runTool('script', ['-qec', command, '/dev/null'], { env: { ...process.env, SHELL: '/bin/sh' } });
        const run = { ...tty, output: tty.output.replace(/\r/g, '') };
        return findingsOf(host, files, run, run.status === 0 && run.output === '');
    },
    negativeControl: {
        // The Postfix path of another system: postconf accepts any path, only `check` looks.
        pick: file => file.path.endsWith('/main.cf'),
        breakContent: content => content.replace(/^daemon_directory = .*$/m, 'daemon_directory = /usr/libexec/postfix'),
        expect: /fatal: chdir\(\/usr\/libexec\/postfix\): No such file or directory/
    }
};

/** dovecot.conf includes nothing; the passdb/userdb files it names are read by `doveadm auth test`. */
export const doveconfN: Checker = {
    name: 'doveconf -n',
    kind: 'daemon',
    tools: ['doveconf'],
    claims: host => present(dovecotConf(host)),
    check(host, files) {
        const run = runTool('doveconf', ['-c', treePath(host, files[0]), '-n']);
        return findingsOf(host, files, run, run.status === 0 && run.stderr === '');
    },
    negativeControl: {
        pick: file => file.path.endsWith('/dovecot.conf'),
        breakContent: content => content.replace(/^disable_plaintext_auth =/m, 'disable_plaintext_auht ='),
        expect: /Unknown setting: disable_plaintext_auht/
    }
};

/** opendkim -n loads the tables and the private keys (and refuses keys others can read, or below a writable dir). */
export const opendkimN: Checker = {
    name: 'opendkim -n',
    kind: 'daemon',
    tools: ['opendkim'],
    claims: host => opendkimConf(host) === undefined ? [] : present(opendkimConf(host), ...opendkimTablesAndKeys(host)),
    check(host, files) {
        prepareDkimKeyDirectories(host, files.filter(f => f.path.endsWith('.private')).map(f => treePath(host, f)));
        const run = runTool('opendkim', ['-n', '-x', treePath(host, files[0])]);
        return findingsOf(host, files, run, run.status === 0 && run.stderr === '');
    },
    negativeControl: {
        pick: file => file.path === '/etc/opendkim.conf',
        breakContent: content => content.replace(/^OversignHeaders /m, 'OversignHeader '),
        expect: /configuration error at line \d+: unrecognized parameter/
    }
};

/**
 * `spamassassin --lint` with --siteconfigpath at the tree's config directory: that replaces
 * /etc/spamassassin, so the package's unmodified conffiles (*.pre, 65_debian.cf) are copied beside
 * the generated local.cf first, exactly the folder the host has. Rules: the package's, in /usr/share.
 */
export const spamassassinLint: Checker = {
    name: 'spamassassin --lint',
    kind: 'daemon',
    tools: ['spamassassin', 'dpkg-query'],
    claims: host => present(spamassassinLocalCf(host)),
    check(host, files) {
        preparePackagedSpamAssassinFiles(host);
        const run = runTool('spamassassin', ['--lint', '-L', `--siteconfigpath=${host.profile.mail.spamassassin.configDir}`, '-p', '/dev/null'],
            { env: { ...process.env, HOME: host.dir } });
        return findingsOf(host, files, run, run.status === 0 && run.output === '');
    },
    negativeControl: {
        pick: file => file.path.endsWith('/local.cf'),
        breakContent: content => content.replace(/^required_score /m, 'required_scor '),
        expect: /failed to parse line in .*local\.cf \(line \d+\): required_scor/
    }
};

export const MAIL_CHECKERS: readonly Checker[] = [postconfN, postconfM, postfixCheck, doveconfN, opendkimN, spamassassinLint, ...MAIL_LIVE_CHECKERS];
