import { existsSync, readFileSync, rmSync } from 'node:fs';
import { EXAMPLES } from '../../support/generation.js';
import type { ExampleSummary } from './config-suite.js';
import { summaryFile } from './config-suite.js';

/**
 * vitest globalSetup: forgets the last run's summaries, and after the run prints how many files
 * each checker read and how every generated file was proven (by its daemon, by syntax, or not).
 */
export function setup(): () => void {
    for (const example of EXAMPLES) {
        rmSync(summaryFile(example), { force: true });
    }
    return printSummary;
}

function printSummary(): void {
    const summaries = EXAMPLES.map(summaryFile).filter(existsSync).map(file => JSON.parse(readFileSync(file, 'utf-8')) as ExampleSummary);
    if (summaries.length === 0) {
        return;
    }
    const perChecker = new Map<string, { kind: string, files: number }>();
    for (const summary of summaries) {
        for (const [name, { kind, files }] of Object.entries(summary.checkers)) {
            const entry = perChecker.get(name) ?? { kind, files: 0 };
            perChecker.set(name, { kind, files: entry.files + files });
        }
    }
    const width = Math.max(...[...perChecker.keys()].map(name => name.length), 10);
    const lines = ['', `config checks over ${summaries.map(s => s.example).join(', ')} (files read per checker):`];
    for (const [name, { kind, files }] of perChecker) {
        lines.push(`  ${name.padEnd(width)}  ${String(files).padStart(4)}  ${kind}`);
    }
    const outcomes = summaries.flatMap(s => Object.values(s.files));
    const count = (test: (o: string) => boolean): number => outcomes.filter(test).length;
    lines.push(`generated files (debian): ${outcomes.length}; by a real daemon ${count(o => o === 'daemon')}, `
        + `by syntax only ${count(o => o === 'syntax')}, by structure lint ${count(o => o === 'structure')}, `
        + `not at all ${count(o => o.startsWith('unchecked'))}`);
    const reasons = new Map<string, number>();
    for (const outcome of outcomes.filter(o => o.startsWith('unchecked: '))) {
        const reason = outcome.slice('unchecked: '.length);
        reasons.set(reason, (reasons.get(reason) ?? 0) + 1);
    }
    for (const [reason, n] of reasons) {
        lines.push(`  not checked (${n}): ${reason}`);
    }
    process.stdout.write(lines.join('\n') + '\n');
}
