import * as path from 'node:path';
import type { GeneratedFile } from '../../../src/generator/file-set.js';
import { findingFrom, runTool, type Checker, type Finding } from '../support/checker.js';
import { treePath, type HostTree } from '../support/config-tree.js';
import { contentOnDisk, ensureTreeDirs, fileAt, filesUnder } from './web-support.js';

/**
 * The proxy's and website's other files: dehydrated's config through dehydrated itself, its
 * domains.txt and the MTA-STS policy by structure (no program reads them offline), the mail
 * autoconfig XML through xmllint and the home pages through HTML Tidy.
 */

/**
 * `dehydrated -e -f CONFIG` sources the config as dehydrated does before any ACME call and checks
 * it (BASEDIR exists, a known CHALLENGETYPE, the hook executable…), then prints the result. It
 * talks to no CA. BASEDIR and WELLKNOWN are made first, as provision.sh does.
 */
export const dehydratedCheck: Checker = {
    name: 'dehydrated -e',
    kind: 'daemon',
    tools: ['dehydrated'],
    claims(host) {
        const file = fileAt(host, host.profile.web.acme.configFile);
        return file === undefined ? [] : [file];
    },
    check(host, files) {
        const { acme } = host.profile.web;
        ensureTreeDirs(host, [acme.stateDir, acme.challengeDir]);
        return files.flatMap(file => {
            const run = runTool('dehydrated', ['-e', '-f', treePath(host, file)]);
            const errors = run.output.split('\n').filter(line => /^ERROR|line \d+:|command not found|syntax error/.test(line));
            return run.status === 0 && errors.length === 0 ? [] : [findingFrom(host, file, errors.join('\n') || run.output)];
        });
    },
    negativeControl: {
        pick: file => file.path.endsWith('/dehydrated/config'),
        breakContent: content => content.replace('CHALLENGETYPE="http-01"', 'CHALLENGETYPE="http01"'),
        expect: /Unknown challenge type http01/
    }
};

const HOST_NAME = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;

/**
 * domains.txt (dehydrated's docs/domains_txt.md): one certificate per line, its names separated by
 * spaces, an optional `> alias`. Each name must be a valid host name and appear once; and every
 * certificate nginx serves from the TLS directory must be renewed by one line (else it expires).
 */
export const domainsTxtCheck: Checker = {
    name: 'domains.txt structure',
    kind: 'structure',
    tools: [],
    claims(host) {
        const file = fileAt(host, host.profile.web.acme.domainsFile);
        return file === undefined ? [] : [file];
    },
    check(host, files) {
        return files.flatMap(file => domainsFindings(host, file));
    },
    negativeControl: {
        pick: file => file.path.endsWith('/domains.txt'),
        breakContent: content => content.replace(/^(www\.[^\s]+)$/m, '$1.'),
        expect: /is not a valid host name/
    }
};

function domainsFindings(host: HostTree, file: GeneratedFile): Finding[] {
    const findings: Finding[] = [];
    const seen = new Map<string, number>();
    const say = (line: number | undefined, message: string) => findings.push({ host: host.host, file: file.path, line, message });
    contentOnDisk(host, file).split('\n').forEach((text, index) => {
        const line = index + 1;
        const body = text.replace(/#.*/, '').trim();
        if (body === '') {
            return;
        }
        const [names, alias, ...rest] = body.split('>').map(part => part.trim());
        if (rest.length > 0 || alias === '') {
            say(line, `"${text}": at most one "> alias" after the names`);
        }
        for (const name of names!.split(/\s+/)) {
            if (!HOST_NAME.test(name)) {
                say(line, `"${name}" is not a valid host name`);
            }
            if (seen.has(name)) {
                say(line, `"${name}" is already on line ${seen.get(name)}: two certificates for one name`);
            }
            seen.set(name, line);
        }
    });
    const tlsDir = host.profile.base.tlsDir;
    for (const site of filesUnder(host, `${host.profile.base.nginxConfDir}/sites`)) {
        for (const match of contentOnDisk(host, site).matchAll(/ssl_certificate\s+(\S+)\.crt;/g)) {
            const name = path.basename(match[1]!);
            if (path.dirname(match[1]!) === tlsDir && !seen.has(name)) {
                say(undefined, `nginx serves ${name} (${site.path}) but no line renews its certificate`);
            }
        }
    }
    return findings;
}

const autoconfigFiles = (host: HostTree) => host.files.filter(f => f.path.endsWith('/mail/config-v1.1.xml'));

export const xmllintCheck: Checker = {
    name: 'xmllint --noout',
    kind: 'syntax',
    tools: ['xmllint'],
    claims: autoconfigFiles,
    check(host, files) {
        return files.flatMap(file => {
            const run = runTool('xmllint', ['--noout', treePath(host, file)]);
            return run.status === 0 && run.output === '' ? [] : [findingFrom(host, file, run.output)];
        });
    },
    negativeControl: {
        pick: file => file.path.endsWith('.xml'),
        breakContent: content => content.replace('</incomingServer>', '</incomingServr>'),
        expect: /Opening and ending tag mismatch/
    }
};

/**
 * RFC 8461 §3.2: `key: value` lines (LF or CRLF); version STSv1, mode enforce|testing|none,
 * max_age 0–31557600, at least one mx unless mode is none; version/mode/max_age once each.
 */
export const mtaStsCheck: Checker = {
    name: 'mta-sts.txt structure (RFC 8461)',
    kind: 'structure',
    tools: [],
    claims: host => host.files.filter(f => f.path.endsWith('/.well-known/mta-sts.txt')),
    check(host, files) {
        return files.flatMap(file => mtaStsFindings(contentOnDisk(host, file)).map(message => ({ host: host.host, file: file.path, message })));
    },
    negativeControl: {
        pick: file => file.path.endsWith('mta-sts.txt'),
        breakContent: content => content.replace('mode: ', 'mdoe: '),
        expect: /no mode/
    }
};

export function mtaStsFindings(text: string): string[] {
    const problems: string[] = [];
    const values = new Map<string, string[]>();
    text.split(/\r?\n/).filter(line => line !== '').forEach((line, index) => {
        const match = /^([A-Za-z0-9_]+):[ \t]*(\S.*?)[ \t]*$/.exec(line);
        if (!match) {
            problems.push(`line ${index + 1}: "${line}" is not "key: value"`);
            return;
        }
        values.set(match[1]!, [...(values.get(match[1]!) ?? []), match[2]!]);
    });
    const one = (key: string) => {
        const found = values.get(key) ?? [];
        if (found.length !== 1) {
            problems.push(found.length === 0 ? `no ${key}` : `${key} given ${found.length} times`);
        }
        return found[0];
    };
    if ((one('version') ?? 'STSv1') !== 'STSv1') {
        problems.push('version must be STSv1');
    }
    const mode = one('mode');
    if (mode !== undefined && !['enforce', 'testing', 'none'].includes(mode)) {
        problems.push(`mode ${mode} is not enforce, testing or none`);
    }
    const maxAge = one('max_age');
    if (maxAge !== undefined && !(/^\d{1,10}$/.test(maxAge) && Number(maxAge) <= 31_557_600)) {
        problems.push(`max_age ${maxAge} is not 0–31557600 seconds`);
    }
    for (const mx of values.get('mx') ?? []) {
        if (!/^(\*\.)?([a-z0-9-]+\.)+[a-z]{2,63}$/i.test(mx)) {
            problems.push(`mx ${mx} is not a host name pattern`);
        }
    }
    if (mode !== 'none' && (values.get('mx') ?? []).length === 0) {
        problems.push('no mx: with mode enforce or testing, every MX must be listed');
    }
    return problems;
}

/** HTML Tidy (HTML5-aware): rc 1 on warnings, 2 on errors; both fail, with its own "line N column M" messages. */
export const tidyCheck: Checker = {
    name: 'tidy -errors',
    kind: 'syntax',
    tools: ['tidy'],
    claims: host => filesUnder(host, host.profile.web.website.rootDir).filter(f => f.path.endsWith('.html')),
    check(host, files) {
        return files.flatMap(file => {
            const run = runTool('tidy', ['-errors', '-quiet', treePath(host, file)]);
            return run.status === 0 ? [] : [findingFrom(host, file, run.stderr.trim() || run.output)];
        });
    },
    negativeControl: {
        pick: file => file.path.endsWith('/index.html'),
        breakContent: content => content.replace('<main>', '<mian>'),
        expect: /<mian> is not recognized/
    }
};
