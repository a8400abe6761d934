import { readFileSync } from 'node:fs';
import type { GeneratedFile } from '../../../src/generator/file-set.js';
import { findingFrom, runTool, type Checker, type Finding } from '../support/checker.js';
import { treePath, type HostTree } from '../support/config-tree.js';

/**
 * Every generated shell file of both profiles through `dash -n` (syntax, as NetBSD's sh and
 * Debian's dash read it) and `shellcheck -s dash`: scripts (a `#!/bin/sh` line: provision.sh,
 * create-disks.sh, rc.d scripts, hook.sh, renew.sh, occ…) and the variable files a shell sources
 * (rc.conf and its includes, /etc/rc.conf.d/*, /etc/default/*, dehydrated's config, the Java
 * daemons' variables files).
 */

export type ShellFileKind = 'script' | 'sourced';

/** Whether a host's file is shell, and which kind; the one place that decides it. */
export function shellFileKind(host: HostTree, file: GeneratedFile): ShellFileKind | undefined {
    if (/^#!\s*\/bin\/sh\b/.test(file.content)) {
        return 'script';
    }
    const sourced = sourcedFiles(host);
    // The debian tree's profile is rooted (tree paths); the netbsd tree is generated without --root.
    if (/^\/etc\/(default|rc\.conf\.d)\//.test(file.path) || sourced.has(treePath(host, file)) || sourced.has(file.path)) {
        return 'sourced';
    }
    return undefined;
}

/** The files the profile says a shell sources, as the host's profile names them. */
function sourcedFiles(host: HostTree): Set<string> {
    const { base, hypervisor, web, meet } = host.profile;
    return new Set([
        base.rcConf,
        host.vm === undefined ? hypervisor.rcConfInclude : undefined,
        // dehydrated (bash) sources it; what dash accepts, bash does.
        web.acme.configFile,
        meet.jicofo.environmentFile?.path,
        meet.jvb.environmentFile?.path
    ].filter((p): p is string => p !== undefined));
}

const shellFiles = (host: HostTree): GeneratedFile[] => host.files.filter(f => shellFileKind(host, f) !== undefined);

export const dashSyntax: Checker = {
    name: 'dash -n',
    kind: 'syntax',
    tools: ['dash'],
    platforms: ['debian', 'netbsd'],
    claims: shellFiles,
    check(host, files) {
        return files.flatMap(file => {
            const run = runTool('dash', ['-n', treePath(host, file)]);
            return run.status === 0 && run.output === '' ? [] : [findingFrom(host, file, run)];
        });
    },
    negativeControl: {
        pick: file => file.path.endsWith('/provision.sh'),
        // A lost `fi`: the if opened by the first function never closes.
        breakContent: content => content.replace(/\n\s*fi\n/, '\n'),
        expect: /Syntax error: .* \(expecting "fi"\)/
    }
};

/**
 * shellcheck in the dash dialect (NetBSD's sh has `local` like dash), not following sourced files
 * it cannot see (SC1091: /etc/rc.subr). A sourced variables file sets variables for its reader, so
 * "appears unused" (SC2034) means nothing there. shellcheck takes ~0.2 s to start: it runs once per
 * tree over every host's shell files, the first time one of the tree's hosts is checked.
 */
export const shellcheck: Checker = {
    name: 'shellcheck -s dash',
    kind: 'syntax',
    tools: ['shellcheck'],
    platforms: ['debian', 'netbsd'],
    claims: shellFiles,
    check(host, files) {
        let perHost = shellcheckRuns.get(host.tree);
        if (perHost === undefined) {
            perHost = shellcheckTree(host.tree.hosts);
            shellcheckRuns.set(host.tree, perHost);
        }
        const claimed = new Set(files.map(f => f.path));
        return (perHost.get(host.host) ?? []).filter(f => claimed.has(f.file));
    },
    negativeControl: {
        pick: file => file.path.endsWith('/provision.sh'),
        // An unquoted expansion where a path may split: the classic SC2086.
        breakContent: content => content.replace(/^umask 022$/m, 'umask 022\ncd $HOME'),
        expect: /SC2086/
    }
};

const shellcheckRuns = new WeakMap<HostTree['tree'], Map<string, Finding[]>>();

/** One shellcheck over the shell files of all the hosts; findings by host (SC2034 dropped for sourced files). */
function shellcheckTree(hosts: readonly HostTree[]): Map<string, Finding[]> {
    const files = hosts.flatMap(host => shellFiles(host).map(file => ({ host, file, target: treePath(host, file) })));
    const result = new Map<string, Finding[]>(hosts.map(h => [h.host, []]));
    if (files.length === 0) {
        return result;
    }
    const run = runTool('shellcheck', ['-s', 'dash', '-e', 'SC1091', '-f', 'gcc', ...files.map(f => f.target)]);
    if (run.status === 0 && run.output === '') {
        return result;
    }
    let read = false;
    for (const line of run.output.split('\n')) {
        const match = /^(.+?):(\d+):\d+: (.*)$/.exec(line);
        const at = match === null ? undefined : files.find(f => f.target === match[1]);
        if (match === null || at === undefined) {
            continue;
        }
        read = true;
        if (/\[SC2034\]$/.test(match[3]) && shellFileKind(at.host, at.file) === 'sourced') {
            continue;
        }
        result.get(at.host.host)?.push({
            host: at.host.host, file: at.file.path, line: Number(match[2]),
            message: `${match[3]}\n  ${sourceLine(at.target, Number(match[2]))}`
        });
    }
    if (!read) {
        // A run that failed without a line we could read still fails, with its own words.
        result.get(files[0].host.host)?.push(findingFrom(files[0].host, files[0].file, run));
    }
    return result;
}

function sourceLine(target: string, line: number): string {
    return readFileSync(target, 'utf-8').split('\n')[line - 1]?.trim() ?? '';
}
