import { mkdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { GeneratedFile } from '../../../src/generator/file-set.js';
import { findingFrom, runTool, type Checker, type Finding } from '../support/checker.js';
import { treePath, type HostTree } from '../support/config-tree.js';
import { ldifFiles, prepareSlapdDirectories, slapdConf } from '../support/slapd-runtime.js';
import { own } from '../support/system-ids.js';

/**
 * The directory (OpenLDAP slapd) and DNS (BIND named) configs through Debian's own checkers, in
 * place in the host's tree. The directories provision.sh creates before the daemons start (slapd's
 * run and data directories, named's working and run directories) are created inside the tree first:
 * both checkers refuse a config whose directories are missing.
 */

/** Generated files a config names with `keyword "path"` / `keyword path` (includes, zone files). */
function referencedFiles(host: HostTree, conf: GeneratedFile, keyword: RegExp, base: string): GeneratedFile[] {
    const content = readFileSync(treePath(host, conf), 'utf-8');
    const named = new Set([...content.matchAll(keyword)].map(m => path.resolve(base, m[1])));
    return host.files.filter(f => f !== conf && named.has(treePath(host, f)));
}

// ---------------------------------------------------------------- slapd

/** slapd.conf and every generated file it includes (the schemas are Debian's, not generated). */
function slapdFiles(host: HostTree): GeneratedFile[] {
    const conf = slapdConf(host);
    if (conf === undefined) {
        return [];
    }
    return [conf, ...referencedFiles(host, conf, /^include\s+(\S+)\s*$/gm, path.dirname(treePath(host, conf)))];
}

export const slaptest: Checker = {
    name: 'slaptest -u',
    kind: 'daemon',
    tools: ['slaptest'],
    claims: slapdFiles,
    check(host, files) {
        const conf = files[0];
        prepareSlapdDirectories(host, conf);
        const run = runTool('slaptest', ['-u', '-f', treePath(host, conf)]);
        // Success prints exactly this; anything more (a deprecation warning) is a finding too.
        return run.status === 0 && run.output === 'config file testing succeeded' ? [] : [slapdFinding(host, files, run.output)];
    },
    negativeControl: {
        pick: file => file.path.endsWith('/slapd.conf'),
        breakContent: content => content.replace(/^index /m, 'indx '),
        expect: /unknown directive <indx>/
    }
};

/** slapd names the file it failed on (`<tree>/etc/ldap/slapd.conf: line 28: …`): the finding says which. */
function slapdFinding(host: HostTree, files: readonly GeneratedFile[], output: string): Finding {
    const file = files.find(f => output.includes(`${treePath(host, f)}:`)) ?? files[0];
    return findingFrom(host, file, output);
}

/**
 * `slapadd -u` (dry run: nothing is written) of each LDIF provision.sh loads, against the host's
 * slapd.conf: every entry parsed and checked against the schemas slapd.conf includes (object
 * classes, required and unknown attributes, DN syntax) exactly as the first load would.
 */
export const slapadd: Checker = {
    name: 'slapadd -u',
    kind: 'daemon',
    tools: ['slapadd'],
    claims: host => {
        const ldifs = ldifFiles(host).map(l => l.file);
        return ldifs.length === 0 ? [] : [...slapdFiles(host), ...ldifs];
    },
    check(host, files) {
        const conf = files[0];
        prepareSlapdDirectories(host, conf);
        const findings: Finding[] = [];
        for (const { file, suffix } of ldifFiles(host)) {
            const run = runTool('slapadd', ['-u', '-f', treePath(host, conf), '-b', suffix, '-l', treePath(host, file)]);
            if (run.status !== 0 || run.stderr.trim() !== '') {
                const finding = findingFrom(host, file, run);
                findings.push({ ...finding, line: ldifLine(readFileSync(treePath(host, file), 'utf-8'), run.output) ?? finding.line });
            }
        }
        return findings;
    },
    negativeControl: {
        pick: file => file.path.endsWith('.ldif'),
        breakContent: content => content.replace(/^loginShell:/m, 'loginShel:'),
        expect: /str2ad\(loginShel\): attribute type undefined/
    }
};

/**
 * slapadd names the line where the bad entry starts (`could not parse entry (line=34)`) and, for an
 * unknown attribute, the attribute (`str2ad(loginShel)`): point at that attribute's line in the entry.
 */
function ldifLine(ldif: string, output: string): number | undefined {
    const start = /\(line=(\d+)\)/.exec(output)?.[1];
    if (start === undefined) {
        return undefined;
    }
    const attribute = /str2ad\(([^)]+)\)/.exec(output)?.[1];
    const lines = ldif.split('\n');
    for (let index = Number(start) - 1; attribute !== undefined && index < lines.length && lines[index] !== ''; index++) {
        if (lines[index].startsWith(`${attribute}:`)) {
            return index + 1;
        }
    }
    return Number(start);
}

/**
 * Debian's /etc/default/slapd as its init script reads it: sourced by dash (the init script's
 * /bin/sh), then SLAPD_CONF must name the generated slapd.conf (else the package's slapd.d wins)
 * and SLAPD_USER/SLAPD_GROUP must exist (they come with the package).
 */
export const slapdDefaults: Checker = {
    name: 'dash: . /etc/default/slapd',
    kind: 'syntax',
    tools: ['dash', 'getent'],
    claims: host => host.files.filter(f => host.profile.directory.initDefaults !== undefined && treePath(host, f) === host.profile.directory.initDefaults),
    check(host, files) {
        const p = host.profile.directory;
        const findings: Finding[] = [];
        for (const file of files) {
            const run = runTool('dash', ['-euc', '. "$1"; printf "%s\\n" "$SLAPD_CONF" "$SLAPD_USER" "$SLAPD_GROUP"', 'dash', treePath(host, file)]);
            if (run.status !== 0) {
                const line = /^dash: (\d+): /m.exec(run.stderr)?.[1];
                findings.push({ ...findingFrom(host, file, run), line: line === undefined ? undefined : Number(line) });
                continue;
            }
            const [conf, user, group] = run.stdout.split('\n');
            const wrong = [
                conf === p.slapdConf ? undefined : `SLAPD_CONF=${conf}: not the generated ${p.slapdConf}`,
                runTool('getent', ['passwd', user]).status === 0 ? undefined : `SLAPD_USER=${user}: no such user`,
                runTool('getent', ['group', group]).status === 0 ? undefined : `SLAPD_GROUP=${group}: no such group`
            ].filter((m): m is string => m !== undefined);
            if (wrong.length > 0) {
                findings.push(findingFrom(host, file, wrong.join('\n')));
            }
        }
        return findings;
    },
    negativeControl: {
        pick: file => file.path === '/etc/default/slapd',
        breakContent: content => content.replace('SLAPD_OPTIONS=""', 'SLAPD_OPTIONS="'),
        expect: /Syntax error: Unterminated quoted string/
    }
};

// ---------------------------------------------------------------- named

function namedConf(host: HostTree): GeneratedFile | undefined {
    return host.files.find(f => treePath(host, f) === host.profile.dns.namedConf);
}

/** Primary zones as named.conf declares them: zone name and the generated file named loads. */
function primaryZones(host: HostTree, conf: GeneratedFile): { zone: string, file: GeneratedFile }[] {
    const content = readFileSync(treePath(host, conf), 'utf-8');
    const zones: { zone: string, file: GeneratedFile }[] = [];
    for (const match of content.matchAll(/^zone\s+"([^"]+)"[^{]*\{[\s\S]*?\bfile\s+"([^"]+)";/gm)) {
        const target = path.resolve(host.profile.dns.workingDir, match[2]);
        const file = host.files.find(f => treePath(host, f) === target);
        if (file !== undefined) {
            zones.push({ zone: match[1], file });
        }
    }
    return zones;
}

/** named.conf, every generated zone file it loads and every generated file it includes (TSIG keys). */
function namedFiles(host: HostTree): GeneratedFile[] {
    const conf = namedConf(host);
    if (conf === undefined) {
        return [];
    }
    const workingDir = host.profile.dns.workingDir;
    return [conf, ...referencedFiles(host, conf, /\b(?:file|include)\s+"([^"]+)"\s*;/g, workingDir)];
}

/** What provision.sh creates before named starts: its working, secondary and run directories, owned by named's user. */
function prepareNamedDirectories(host: HostTree): void {
    const p = host.profile.dns;
    for (const dir of [p.workingDir, p.primaryZoneDir, p.secondaryZoneDir, p.runDir]) {
        mkdirSync(dir, { recursive: true });
    }
    for (const dir of [p.workingDir, p.secondaryZoneDir, p.runDir]) {
        own(dir, p.user, p.group);
    }
}

/**
 * `named-checkconf -z`: the whole configuration as named parses it, plus a test load of every
 * primary zone. Anything it prints beyond `zone …: loaded serial N` (a warning, a zone not loaded)
 * is a finding, on the file the message names.
 */
export const namedCheckconf: Checker = {
    name: 'named-checkconf -z',
    kind: 'daemon',
    tools: ['named-checkconf'],
    claims: namedFiles,
    check(host, files) {
        prepareNamedDirectories(host);
        const run = runTool('named-checkconf', ['-z', treePath(host, files[0])]);
        const unexpected = run.output.split('\n').filter(line => line.trim() !== '' && !/^zone \S+: loaded serial \d+$/.test(line));
        if (run.status === 0 && unexpected.length === 0) {
            return [];
        }
        return byFile(host, files, unexpected.length > 0 ? unexpected : [run.output || `exit status ${run.status}`]);
    },
    negativeControl: {
        pick: file => file.path.endsWith('/named.conf'),
        breakContent: content => content.replace('recursion yes;', 'recursoin yes;'),
        expect: /unknown option 'recursoin'/
    }
};

/** One finding per file the lines name (`<tree>/etc/bind/x.zone:6: …`); lines naming none go to the first file. */
function byFile(host: HostTree, files: readonly GeneratedFile[], lines: readonly string[]): Finding[] {
    const grouped = new Map<GeneratedFile, string[]>();
    for (const line of lines) {
        const file = files.find(f => line.includes(`${treePath(host, f)}:`) || line.includes(`${treePath(host, f)} `)) ?? files[0];
        grouped.set(file, [...grouped.get(file) ?? [], line]);
    }
    return [...grouped].map(([file, messages]) => findingFrom(host, file, messages.join('\n')));
}

/**
 * `named-checkzone` on each primary zone file, under the zone name named.conf gives it, strict:
 * an NS, MX or SRV target that is a CNAME or has no address, or an address where a name belongs, fails.
 */
export const namedCheckzone: Checker = {
    name: 'named-checkzone',
    kind: 'daemon',
    tools: ['named-checkzone'],
    claims: host => {
        const conf = namedConf(host);
        return conf === undefined ? [] : primaryZones(host, conf).map(z => z.file);
    },
    check(host) {
        const conf = namedConf(host);
        const findings: Finding[] = [];
        for (const { zone, file } of conf === undefined ? [] : primaryZones(host, conf)) {
            const run = runTool('named-checkzone', ['-k', 'fail', '-n', 'fail', '-M', 'fail', '-S', 'fail', zone, treePath(host, file)]);
            const clean = run.output.split('\n').filter(line => line.trim() !== '').every(line => /^(zone \S+: loaded serial \d+|OK)$/.test(line));
            if (run.status !== 0 || !clean) {
                findings.push(findingFrom(host, file, run));
            }
        }
        return findings;
    },
    negativeControl: {
        pick: file => file.path.endsWith('.zone'),
        // A typo in an address: the first A record's last octet out of range.
        breakContent: content => content.replace(/(\tIN\tA\t\d+\.\d+\.\d+)\.\d+/, '$1.300'),
        expect: /bad dotted quad/
    }
};

export const DIRECTORY_DNS_CHECKERS: readonly Checker[] = [slaptest, slapadd, slapdDefaults, namedCheckconf, namedCheckzone];
