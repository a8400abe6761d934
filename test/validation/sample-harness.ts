import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver';
import { clearDocuments } from 'langium/test';
import { parseSpec, services } from '../support/services.js';

/**
 * Validation samples: `.company` files whose comments state the diagnostics they must produce.
 *
 *     // $TEST$ error duplicate-name "is declared twice"
 *     user »alice« "Alice"
 *
 * A `$TEST$` comment expects a diagnostic of that severity (`error`, `warning`, `info`) and code, whose
 * message contains the optional quoted text, on exactly the range of the next `»…«` marker pair after the
 * comment. `no_error CODE` / `no_warning CODE` expect none with that code on the marked range. Every error and
 * warning that no `$TEST$` expects fails the sample, so a sample also proves there are no extra diagnostics.
 * Markers are removed before parsing.
 */
export interface Expectation {
    readonly kind: 'error' | 'warning' | 'info' | 'no_error' | 'no_warning';
    readonly code: string;
    readonly message?: string;
    readonly range: Diagnostic['range'];
    /** 1-based line of the $TEST$ comment, for failure messages. */
    readonly line: number;
}

export interface Sample {
    readonly name: string;
    readonly text: string;
    readonly expectations: readonly Expectation[];
}

const TEST_COMMENT = /\/\/\s*\$TEST\$\s+(error|warning|info|no_error|no_warning)\s+([\w-]+)(?:\s+"([^"]*)")?/g;

export function loadSamples(dir: string): Sample[] {
    return readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter(f => f.endsWith('.company'))
        .sort()
        .map(f => parseSample(relative(dir, join(dir, f)), readFileSync(join(dir, f), 'utf8')));
}

export function parseSample(name: string, marked: string): Sample {
    const ranges = markerRanges(marked);
    const text = marked.replace(/[»«]/g, '');
    const expectations: Expectation[] = [];
    for (const match of marked.matchAll(TEST_COMMENT)) {
        const range = ranges.find(r => r.markedOffset > match.index!);
        if (!range) {
            throw new Error(`${name}: $TEST$ at offset ${match.index} has no »…« range after it`);
        }
        ranges.splice(ranges.indexOf(range), 1);
        expectations.push({
            kind: match[1] as Expectation['kind'], code: match[2], message: match[3], range: range.range,
            line: marked.slice(0, match.index).split('\n').length
        });
    }
    return { name, text, expectations };
}

interface MarkerRange { markedOffset: number; range: Diagnostic['range'] }

/** Ranges of the »…« pairs, as positions in the text with the markers removed. */
function markerRanges(marked: string): MarkerRange[] {
    const result: MarkerRange[] = [];
    const open: Array<{ markedOffset: number; line: number; character: number }> = [];
    let line = 0;
    let character = 0;
    for (let i = 0; i < marked.length; i++) {
        const c = marked[i];
        if (c === '»') {
            open.push({ markedOffset: i, line, character });
        } else if (c === '«') {
            const start = open.pop();
            if (!start) {
                throw new Error(`unbalanced « at offset ${i}`);
            }
            result.push({ markedOffset: start.markedOffset, range: { start: { line: start.line, character: start.character }, end: { line, character } } });
        } else if (c === '\n') {
            line++;
            character = 0;
        } else {
            character++;
        }
    }
    return result.sort((a, b) => a.markedOffset - b.markedOffset);
}

const SEVERITY: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

const sameRange = (a: Diagnostic['range'], b: Diagnostic['range']) =>
    a.start.line === b.start.line && a.start.character === b.start.character
    && a.end.line === b.end.line && a.end.character === b.end.character;

const messageOf = (d: Diagnostic) => typeof d.message === 'string' ? d.message : d.message.value;

const show = (d: Diagnostic) =>
    `${SEVERITY[d.severity ?? 1]} ${d.code ?? '(no code)'} at ${d.range.start.line + 1}:${d.range.start.character + 1}-${d.range.end.line + 1}:${d.range.end.character + 1}: ${messageOf(d)}`;

/** Validate a sample and return every mismatch as a readable line (empty when the sample holds). */
export async function checkSample(sample: Sample): Promise<string[]> {
    const document = await parseSpec(sample.text);
    const diagnostics = document.diagnostics ?? [];
    // Each sample stands alone: drop it from the shared workspace so that its exported names
    // (`hv1.auth`, `acme.alice`) cannot capture references of the next sample.
    await clearDocuments(services.shared);
    const problems: string[] = [];
    const matched = new Set<Diagnostic>();
    for (const e of sample.expectations) {
        const candidates = diagnostics.filter(d => d.code === e.code && sameRange(d.range, e.range));
        if (e.kind === 'no_error' || e.kind === 'no_warning') {
            const severity = e.kind === 'no_error' ? 1 : 2;
            if (candidates.some(d => (d.severity ?? 1) === severity)) {
                problems.push(`line ${e.line}: expected no ${e.code} here but got ${candidates.map(show).join('; ')}`);
            }
            continue;
        }
        const hit = candidates.find(d => SEVERITY[d.severity ?? 1] === e.kind && (!e.message || messageText(d).includes(e.message)));
        if (hit) {
            matched.add(hit);
        } else {
            const sameCode = diagnostics.filter(d => d.code === e.code).map(show);
            problems.push(`line ${e.line}: expected ${e.kind} ${e.code}${e.message ? ` "${e.message}"` : ''} at `
                + `${e.range.start.line + 1}:${e.range.start.character + 1}-${e.range.end.line + 1}:${e.range.end.character + 1}`
                + (sameCode.length ? `; with that code there is: ${sameCode.join('; ')}` : '; no diagnostic has that code'));
        }
    }
    for (const d of diagnostics) {
        if ((d.severity ?? 1) <= 2 && !matched.has(d)) {
            problems.push(`unexpected ${show(d)}`);
        }
    }
    return problems;
}

/** LSP 3.18 allows a markup message; ours are plain strings, but read both. */
function messageText(d: Diagnostic): string {
    return typeof d.message === 'string' ? d.message : d.message.value;
}
