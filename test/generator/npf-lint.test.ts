import { beforeAll, describe, expect, test } from 'vitest';
import type { ServerModel } from '../../src/model/infrastructure.js';
import { netbsd } from '../../src/platform/netbsd.js';
import { lintNpf, type NpfExpectation } from '../configs/checkers/npf-lint.js';
import { EXAMPLES, fileAt, generateExampleWithModel } from '../support/generation.js';

/**
 * The npf.conf structural lint (test/configs/checkers/npf-lint.ts): every generated npf.conf is
 * clean, and each rule catches the mistake it is for.
 */

const messages = (content: string, expected: NpfExpectation): string[] => lintNpf(content, expected).map(p => `${p.line ?? '-'}: ${p.message}`);

describe('npf.conf lint on the generated files', () => {
    test.each(EXAMPLES)('%s: every hypervisor\'s npf.conf is sound', async example => {
        const { infra, files } = await generateExampleWithModel(example, { platform: netbsd });
        for (const server of infra.servers) {
            expect(messages(fileAt(files, server.name, '/etc/npf.conf').content, server), server.name).toEqual([]);
        }
    });
});

describe('npf.conf lint rules', () => {
    let conf: string;
    let server: ServerModel;
    beforeAll(async () => {
        const { infra, files } = await generateExampleWithModel('acme', { platform: netbsd });
        server = infra.servers[0];
        conf = fileAt(files, server.name, '/etc/npf.conf').content;
    });
    const only = (content: string, pattern: RegExp): void => {
        const found = messages(content, server);
        expect(found.length, found.join('\n')).toBeGreaterThan(0);
        expect(found.join('\n')).toMatch(pattern);
    };

    test('a ruleset without "group default" is refused', () => {
        only(conf.replace(/\ngroup default \{[^}]*\}\n?/, '\n'), /no "group default"/);
    });

    test('a second "group default"', () => {
        only(`${conf}\ngroup default {\n\tblock all\n}\n`, /a second "group default"/);
    });

    test('a public port forwarded twice on one protocol', () => {
        only(conf.replace(/^(map .* port 25 <- \$ext_if port 25)$/m, '$1\nmap $ext_if dynamic proto tcp 10.0.0.12 port 25 <- $ext_if port 25'),
            /public port tcp 25 is forwarded twice \(first at line \d+\)/);
    });

    test('the same public port on tcp and udp is two forwards, not a duplicate', () => {
        expect(messages(conf, server).join('\n')).not.toMatch(/forwarded twice/);
        expect(conf).toMatch(/proto tcp 10\.0\.0\.10 port 53 <- \$ext_if port 53/);
        expect(conf).toMatch(/proto udp 10\.0\.0\.10 port 53 <- \$ext_if port 53/);
    });

    test('a forward to an address outside the guest network', () => {
        only(conf.replace('proto tcp 10.0.0.11 port 25', 'proto tcp 10.0.1.11 port 25'),
            /forward tcp 25 goes to 10\.0\.1\.11, outside the guest network 10\.0\.0\.0\/24/);
    });

    test('a forward of the model that npf.conf lacks, or sends elsewhere', () => {
        only(conf.replace(/^map .* port 993 <- \$ext_if port 993\n/m, ''), /the model forwards tcp 993 to 10\.0\.0\.12 port 993; npf\.conf does not/);
        only(conf.replace('proto tcp 10.0.0.12 port 587', 'proto tcp 10.0.0.13 port 587'), /sends it to 10\.0\.0\.13 port 587/);
    });

    test('a forward the model does not have', () => {
        only(conf.replace(/^(map .* port 443 <- \$ext_if port 443)$/m, '$1\nmap $ext_if dynamic proto tcp 10.0.0.17 port 8443 <- $ext_if port 8443'),
            /forward tcp 8443 is not in the model/);
    });

    test('a forward no pass rule lets in', () => {
        only(conf.replace(/^\tpass stateful in final proto tcp to \$ext_if port 993\n/m, ''), /forward tcp 993 has no "pass … in … proto tcp … port 993" rule/);
    });

    test('no outbound NAT for the guest network', () => {
        only(conf.replace(/^map \$ext_if dynamic \$guest_net -> \$ext_if\n/m, ''), /no outbound NAT "map … 10\.0\.0\.0\/24 -> …"/);
    });

    test('braces that do not balance', () => {
        only(conf.replace(/\n\}\n\ngroup "internal"/, '\n\ngroup "internal"'), /unbalanced brace inside group "external"|never closed/);
        only(`${conf}}\n`, /a "}" closes no group or procedure/);
        only(conf.replace('$guest_net = { 10.0.0.0/24 }', '$guest_net = { 10.0.0.0/24'), /unbalanced braces in the value of \$guest_net/);
    });

    test('unknown statements at the top and inside a group', () => {
        only(conf.replace('alg "icmp"', 'algo "icmp"'), /unknown statement: "algo "icmp""/);
        only(conf.replace('\tblock in final all', '\tdrop in final all'), /not a rule \(pass, block, ruleset\): "drop in final all"/);
    });

    test('npf.conf(5) forms it accepts: comments, continuations, tables, procedures, set', () => {
        const extended = conf
            .replace('alg "icmp"', 'alg "icmp" # gateway\ntable <blocked> type hash file "/etc/npf_blocked"\nset bpf.jit off\n'
                + 'procedure "log" {\n\tlog: npflog0\n}')
            .replace('map $ext_if dynamic $guest_net -> $ext_if', 'map $ext_if dynamic \\\n\t$guest_net -> $ext_if');
        expect(messages(extended, server)).toEqual([]);
    });
});
