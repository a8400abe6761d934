import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import ipaddr from 'ipaddr.js';
import type { GeneratedFile } from '../../../src/generator/file-set.js';
import { guestHostsEntries, guestResolver } from '../../../src/model/guest-network.js';
import { findingFrom, runTool, type Checker, type Finding } from '../support/checker.js';
import { treePath, type HostTree } from '../support/config-tree.js';

/**
 * The system files every guest gets: /etc/hosts read by glibc itself, resolv.conf and the
 * hypervisor's ifconfig.bridge0 by a structural lint (glibc skips resolv.conf lines it does not
 * know without a word, and nothing in Debian reads NetBSD's ifconfig files).
 */

const base = (host: HostTree, key: 'hostsFile' | 'resolvConf'): GeneratedFile[] =>
    host.vm === undefined ? [] : host.files.filter(f => treePath(host, f) === host.profile.base[key]);

/**
 * glibc's "files" NSS module is what every daemon uses to read /etc/hosts: with the generated file
 * bind-mounted over /etc/hosts in a private mount namespace, each name of the guest network must
 * resolve to its address through `getent hosts`.
 */
export const hostsLookup: Checker = {
    name: 'getent hosts (glibc, file bind-mounted)',
    kind: 'daemon',
    tools: ['unshare', 'getent'],
    claims: host => base(host, 'hostsFile'),
    check(host, files) {
        const expected = guestHostsEntries(host.server).flatMap(e => [[e.fqdn, e.address], [e.name, e.address]] as const);
        return files.flatMap(file => {
            const names = expected.map(([name]) => name);
            // hosts: files only, so a name missing from the file is "not found" at once instead of a DNS timeout.
            const nsswitch = path.join(host.tree.root, 'nsswitch-files-only.conf');
            writeFileSync(nsswitch, 'hosts: files\n');
            const script = 'mount --bind "$1" /etc/hosts && mount --bind "$2" /etc/nsswitch.conf && shift 2 && '
                + 'for n in "$@"; do getent hosts "$n" || echo "$n: not found (getent exit $?)"; done';
            const run = runTool('unshare', ['--mount', 'sh', '-c', script, 'sh', treePath(host, file), nsswitch, ...names]);
            if (run.status !== 0) {
                return [findingFrom(host, file, run)];
            }
            const answers = new Map(run.stdout.split('\n').filter(l => l.trim() !== '' && !l.includes('not found'))
                .flatMap(line => { const [address, ...aliases] = line.trim().split(/\s+/); return aliases.map(a => [a, address] as const); }));
            return expected.filter(([name, address]) => answers.get(name) !== address)
                .map(([name, address]): Finding => ({
                    host: host.host, file: file.path,
                    message: `getent hosts ${name}: ${answers.get(name) ?? 'not found'}, expected ${address}`
                }));
        });
    },
    negativeControl: {
        pick: file => file.path.endsWith('/hosts'),
        // A mistyped address (an octet over 255): glibc drops the line, so the name no longer resolves.
        breakContent: content => content.replace(/^(10\.\d+\.\d+\.)(\d+)(\s)/m, '$1$2999$3'),
        expect: /not found, expected/
    }
};

/** resolv.conf: only keywords the resolver knows, and the nameserver and search domain the model chose. */
export const resolvConfLint: Checker = {
    name: 'resolv.conf structural lint',
    kind: 'structure',
    tools: [],
    claims: host => base(host, 'resolvConf'),
    check(host, files) {
        const wanted = guestResolver(host.tree.infra, host.server);
        return files.flatMap(file => {
            const problems: Finding[] = [];
            const seen = { nameserver: [] as string[], search: [] as string[] };
            readFileSync(treePath(host, file), 'utf-8').split('\n').forEach((text, index) => {
                const line = text.replace(/[#;].*$/, '').trim();
                if (line === '') {
                    return;
                }
                const [keyword, ...values] = line.split(/\s+/);
                const problem = (message: string): void => { problems.push({ host: host.host, file: file.path, line: index + 1, message }); };
                if (keyword === 'nameserver') {
                    if (values.length !== 1 || !ipaddr.isValid(values[0])) {
                        problem(`nameserver needs one IP address, got "${values.join(' ')}"`);
                    }
                    seen.nameserver.push(...values);
                } else if (keyword === 'search' || keyword === 'domain') {
                    seen.search.push(...values);
                } else if (keyword !== 'options' && keyword !== 'sortlist') {
                    problem(`unknown keyword "${keyword}": the resolver ignores the line`);
                }
            });
            if (seen.nameserver[0] !== wanted.nameserver) {
                problems.push({ host: host.host, file: file.path, message: `first nameserver ${seen.nameserver[0] ?? 'missing'}, expected ${wanted.nameserver}` });
            }
            if (!seen.search.includes(wanted.search)) {
                problems.push({ host: host.host, file: file.path, message: `search domain ${wanted.search} missing` });
            }
            return problems;
        });
    },
    negativeControl: {
        pick: file => file.path.endsWith('/resolv.conf'),
        breakContent: content => content.replace(/^nameserver /m, 'nameservr '),
        expect: /unknown keyword "nameservr"/
    }
};

/**
 * ifconfig.<bridge>: each line is what NetBSD's rc.d/network accepts (`create`, `up`, an ifconfig
 * argument line, or a `!command`), every VM's tap is created, brought up and added to the bridge,
 * and vether0 carries the gateway address.
 */
export const bridgeLint: Checker = {
    name: 'ifconfig.bridge structural lint',
    kind: 'structure',
    tools: [],
    claims: host => (host.vm === undefined
        ? host.files.filter(f => treePath(host, f) === `${host.profile.hypervisor.ifconfigDir}/ifconfig.${host.server.network.bridge}`) : []),
    check(host, files) {
        const { network, vms } = host.server;
        return files.flatMap(file => {
            const lines = readFileSync(treePath(host, file), 'utf-8').split('\n');
            const problems: Finding[] = [];
            const problem = (message: string, line?: number): void => { problems.push({ host: host.host, file: file.path, line, message }); };
            lines.forEach((text, index) => {
                const line = text.trim();
                if (line !== '' && !line.startsWith('#') && !/^(create|up|destroy|!\S.*|(inet6?|descr|mtu) .+)$/.test(line)) {
                    problem(`"${line}" is not an rc.d/network ifconfig line`, index + 1);
                }
            });
            const body = lines.join('\n');
            const members = /^!brconfig \$int((?: add \S+)+)$/m.exec(body)?.[1].trim().split(/\s*add\s+/).filter(Boolean) ?? [];
            for (const tap of [...vms.map(vm => vm.tap), network.hostInterface]) {
                for (const needed of [`!ifconfig ${tap} create`, `!ifconfig ${tap} up`]) {
                    if (!body.split('\n').includes(needed)) {
                        problem(`missing "${needed}"`);
                    }
                }
                if (!members.includes(tap)) {
                    problem(`${tap} is not added to ${network.bridge}`);
                }
            }
            if (!body.includes(`!ifconfig ${network.hostInterface} inet ${network.gateway} netmask ${network.netmask}`)) {
                problem(`${network.hostInterface} does not carry the gateway ${network.gateway}`);
            }
            return problems;
        });
    },
    negativeControl: {
        pick: file => /\/ifconfig\.[a-z]+\d+$/.test(file.path),
        breakContent: content => content.replace(/^!ifconfig (tap\d+) up$/m, '!ifconfig $1 upp'),
        expect: /missing "!ifconfig tap\d+ up"/
    }
};
