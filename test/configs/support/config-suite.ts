import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { debian } from '../../../src/platform/debian.js';
import { netbsd } from '../../../src/platform/netbsd.js';
import type { PlatformName } from '../../../src/platform/profile.js';
import { CHECKERS } from '../checkers/index.js';
import { uncheckedReason } from '../unchecked.js';
import { hasCommand } from '../../support/tools.js';
import { formatFinding, type Checker, type Finding } from './checker.js';
import { testRootBase, writeConfigTree, type ConfigTree } from './config-tree.js';

/** What one example's run checked, for the summary printed after the whole suite. */
export interface ExampleSummary {
    readonly example: string;
    /** Checker name → kind and the number of files it checked. */
    readonly checkers: Record<string, { kind: string, files: number }>;
    /** Per file of the debian tree (`host path`): the strongest kind that checked it, or why none did. */
    readonly files: Record<string, string>;
}

export const summaryFile = (example: string): string => path.join(testRootBase(), 'configs', `summary-${example}.json`);

/** Fails with what to install when a checker's program is missing: in CI, .ci/run installs them all. */
export function requireTools(checker: Checker): void {
    const missing = checker.tools.filter(tool => !hasCommand(tool));
    if (missing.length > 0) {
        throw new Error(`${checker.name} needs ${missing.join(', ')}: install Debian's packages as .ci/run does`);
    }
}

const STRENGTH = ['structure', 'syntax', 'daemon'];

/**
 * Every checker over every host of `example`, generated for debian with --root semantics (and for
 * netbsd where a checker applies to both, as the shell checks do). A failure lists each finding as
 * `host file:line: message`.
 */
export function describeConfigChecks(example: string): void {
    describe(`${example}: every generated file through the program that reads it`, () => {
        const trees = new Map<PlatformName, ConfigTree>();
        const summary: ExampleSummary = { example, checkers: {}, files: {} };

        beforeAll(async () => {
            trees.set('debian', await writeConfigTree(example, debian));
            trees.set('netbsd', await writeConfigTree(example, netbsd));
        }, 120_000);

        for (const checker of CHECKERS) {
            test(checker.name, async () => {
                requireTools(checker);
                const findings: Finding[] = [];
                let files = 0;
                for (const platform of checker.platforms ?? ['debian']) {
                    for (const host of trees.get(platform)?.hosts ?? []) {
                        const claimed = checker.claims(host);
                        if (claimed.length === 0) {
                            continue;
                        }
                        files += claimed.length;
                        findings.push(...await checker.check(host, claimed));
                        if (platform === 'debian') {
                            for (const file of claimed) {
                                const key = `${host.host} ${file.path}`;
                                const before = summary.files[key];
                                if (before === undefined || STRENGTH.indexOf(checker.kind) > STRENGTH.indexOf(before)) {
                                    summary.files[key] = checker.kind;
                                }
                            }
                        }
                    }
                }
                summary.checkers[checker.name] = { kind: checker.kind, files };
                expect(findings.map(formatFinding)).toEqual([]);
            }, 180_000);
        }

        test('every generated file is checked, or listed in unchecked.ts with the reason', () => {
            const tree = trees.get('debian');
            const unaccounted: string[] = [];
            for (const host of tree?.hosts ?? []) {
                for (const file of host.files) {
                    const key = `${host.host} ${file.path}`;
                    if (summary.files[key] !== undefined) {
                        continue;
                    }
                    const reason = uncheckedReason(host, file);
                    if (reason === undefined) {
                        unaccounted.push(key);
                    } else {
                        summary.files[key] = `unchecked: ${reason}`;
                    }
                }
            }
            expect(unaccounted).toEqual([]);
        });

        afterAll(() => {
            mkdirSync(path.dirname(summaryFile(example)), { recursive: true });
            writeFileSync(summaryFile(example), JSON.stringify(summary, null, 2));
        });
    });
}
