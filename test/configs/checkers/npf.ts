import { readFileSync } from 'node:fs';
import type { Checker } from '../support/checker.js';
import { treePath } from '../support/config-tree.js';
import { lintNpf } from './npf-lint.js';

/**
 * The hypervisor's npf.conf through the structural lint (npf-lint.ts): Debian has no npfctl. The
 * hypervisor is NetBSD in both trees, so the debian tree's is the one counted.
 */
export const npfLint: Checker = {
    name: 'npf.conf structural lint',
    kind: 'structure',
    tools: [],
    claims: host => (host.vm === undefined ? host.files.filter(f => treePath(host, f) === host.profile.hypervisor.npfConf) : []),
    check(host, files) {
        return files.flatMap(file => lintNpf(readFileSync(treePath(host, file), 'utf-8'), host.server)
            .map(problem => ({ host: host.host, file: file.path, line: problem.line, message: problem.message })));
    },
    negativeControl: {
        pick: file => file.path.endsWith('/npf.conf'),
        // The default group dropped: npf refuses to load a ruleset without it.
        breakContent: content => content.replace(/\ngroup default \{[^}]*\}\n?/, '\n'),
        expect: /no "group default"/
    }
};
