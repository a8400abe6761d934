import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { debian } from '../../src/platform/debian.js';
import { netbsd } from '../../src/platform/netbsd.js';
import { EXAMPLES } from '../support/generation.js';
import { CHECKERS } from './checkers/index.js';
import { formatFinding, type Checker } from './support/checker.js';
import { requireTools } from './support/config-suite.js';
import { treePath, writeConfigTree, type HostTree } from './support/config-tree.js';

/**
 * Proof that no checker is a no-op: for each one, one real generated file is broken the way a
 * person would break it (a misspelt directive, a lost brace), and the checker must fail on it with
 * the program's own message, naming that file.
 */

async function brokenHost(checker: Checker): Promise<{ host: HostTree, path: string }> {
    const platform = (checker.platforms ?? ['debian']).includes('debian') ? debian : netbsd;
    // A number, not the checker's name: daemons bind unix sockets inside the tree, and a socket
    // path longer than 107 bytes (sun_path) fails (`negative/doveadm-auth-test/…/private/dovecot-lmtp`).
    const slug = `n${CHECKERS.indexOf(checker)}`;
    for (const example of EXAMPLES) {
        const tree = await writeConfigTree(example, platform, `negative/${slug}`);
        for (const host of tree.hosts) {
            const file = checker.claims(host).find(f => checker.negativeControl.pick(f));
            if (file !== undefined) {
                const target = treePath(host, file);
                const content = readFileSync(target, 'utf-8');
                const broken = checker.negativeControl.breakContent(content);
                expect(broken, `${checker.name}: the negative control must change ${file.path}`).not.toBe(content);
                writeFileSync(target, broken);
                return { host, path: file.path };
            }
        }
    }
    throw new Error(`${checker.name}: no example has a file its negative control picks`);
}

describe('negative controls: each checker fails on a deliberately broken file with the program\'s own message', () => {
    for (const checker of CHECKERS) {
        test(checker.name, async () => {
            requireTools(checker);
            const { host, path } = await brokenHost(checker);
            const findings = await checker.check(host, checker.claims(host));
            const about = findings.filter(f => f.file === path);
            expect(about.map(formatFinding), `${checker.name} accepted a broken ${path}`).not.toEqual([]);
            expect(about.map(f => f.message).join('\n')).toMatch(checker.negativeControl.expect);
        }, 180_000);
    }
});
