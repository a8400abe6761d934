// Latency budget of the language server, measured over stdio as an editor would see it:
// re-validation of a ~5,000-line spec after an edit (median <= 300 ms) and completion
// (p95 <= 50 ms). Prints a table and a JSON line; exits 1 when a budget is missed.
//
//   npm run bench:lsp -- [--lines 5000] [--edits 15] [--requests 30] [--warmup 3] [--cpu-prof DIR]
//
// --cpu-prof DIR runs the server under `node --cpu-prof` and leaves the profile in DIR (open it
// in Chrome DevTools or VS Code) to find where the time goes when a budget is missed.
//
// Needs the bundles (`npm run build`) and Node 22+ (npm runs the project's Node 24).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { startLanguageServer } from './lsp-stdio-client.mjs';
import { buildSyntheticSpecOfLines } from './synthetic-spec.mjs';

const budgets = { revalidationMedianMs: 300, completionP95Ms: 50 };
const serverPath = fileURLToPath(new URL('../out/language/main.cjs', import.meta.url));
const uri = 'file:///companykit-bench/synthetic.company';

const { values } = parseArgs({
    options: {
        lines: { type: 'string', default: '5000' },
        edits: { type: 'string', default: '15' },
        requests: { type: 'string', default: '30' },
        warmup: { type: 'string', default: '3' },
        'cpu-prof': { type: 'string' }
    }
});
const settings = {
    lines: Number(values.lines), edits: Number(values.edits), requests: Number(values.requests), warmup: Number(values.warmup)
};

if (!existsSync(serverPath)) {
    console.error(`bench-lsp: ${serverPath} is missing; run npm run build first`);
    process.exit(2);
}

const spec = buildSyntheticSpecOfLines(settings.lines);
const profileDir = values['cpu-prof'];
const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];
// Cold start: spawning the bundled server until it answers `initialize`, as an editor waits for it.
const startedAt = performance.now();
const server = await startLanguageServer({ node: process.execPath, serverPath, timeoutMs: 60_000, nodeArgs });
const coldStartMs = performance.now() - startedAt;
try {
    const results = { coldStartMs: round(coldStartMs), ...await measure(server) };
    report(results);
    process.exitCode = results.budgetsMet ? 0 : 1;
} finally {
    await server.shutdown().catch(() => server.kill());
}

async function measure(client) {
    let text = spec.text;
    const openStart = performance.now();
    const initial = await client.open(uri, text);
    const openMs = performance.now() - openStart;

    // Edits change a company's display name, cycling through the companies; the first
    // `warmup` ones let the JIT settle and are not counted.
    const revalidation = [];
    for (let i = 0; i < settings.warmup + settings.edits; i++) {
        const company = spec.companyIds[i % spec.companyIds.length];
        const edit = displayNameEdit(text, company, `Company ${company} edit ${i}`);
        text = edit.newText;
        const diagnostics = client.nextDiagnostics(uri);
        const start = performance.now();
        await client.sendEdit(uri, edit.range, edit.replacement);
        await diagnostics;
        if (i >= settings.warmup) {
            revalidation.push(performance.now() - start);
        }
    }

    const completionPoints = requestPoints(text, 'completion');
    const hoverPoints = requestPoints(text, 'hover');
    const completion = await timeRequests(completionPoints, (p) => client.completion(uri, p), true);
    const hover = await timeRequests(hoverPoints, (p) => client.hover(uri, p), false);

    const stats = {
        lines: spec.lines,
        characters: spec.text.length,
        initialDiagnostics: initial.length,
        openMs: round(openMs),
        revalidation: summarize(revalidation),
        completion: summarize(completion),
        hover: summarize(hover)
    };
    const budgetsMet = stats.revalidation.medianMs <= budgets.revalidationMedianMs
        && stats.completion.p95Ms <= budgets.completionP95Ms;
    return { ...stats, budgets, budgetsMet };
}

/** Time each request; an empty answer would mean timing nothing, so it stops the run. */
async function timeRequests(points, send, isCompletion) {
    const times = [];
    for (let i = 0; i < settings.warmup + settings.requests; i++) {
        const point = points[i % points.length];
        const start = performance.now();
        const result = await send(point);
        const elapsed = performance.now() - start;
        const items = Array.isArray(result) ? result : result?.items;
        if (isCompletion ? !(items?.length > 0) : !result?.contents) {
            throw new Error(`empty ${isCompletion ? 'completion' : 'hover'} at ${JSON.stringify(point)}`);
        }
        if (i >= settings.warmup) {
            times.push(elapsed);
        }
    }
    return times;
}

/**
 * Positions spread through the document (first, middle and last company): completion of a
 * member keyword, of a group reference in `groups`; hover on a keyword and on a reference.
 */
function requestPoints(text, kind) {
    const ids = spec.companyIds;
    const sample = [ids[0], ids[Math.floor(ids.length / 2)], ids.at(-1)];
    return sample.flatMap((id) => {
        const start = text.indexOf(`company ${id} `);
        if (kind === 'completion') {
            return [
                positionAt(text, text.indexOf('    group g1', start) + 4),
                positionAt(text, text.indexOf('groups g', start) + 'groups '.length)
            ];
        }
        return [
            positionAt(text, text.indexOf('    user u02', start) + 5),
            positionAt(text, text.indexOf('alias sales -> u01', start) + 'alias sales -> '.length + 1)
        ];
    });
}

function displayNameEdit(text, company, name) {
    const declaration = text.indexOf(`company ${company} "`);
    const open = text.indexOf('"', declaration);
    const close = text.indexOf('"', open + 1);
    const replacement = name;
    return {
        range: { start: positionAt(text, open + 1), end: positionAt(text, close) },
        replacement,
        newText: text.slice(0, open + 1) + replacement + text.slice(close)
    };
}

function positionAt(text, offset) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

function summarize(times) {
    const sorted = [...times].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
    return { n: sorted.length, medianMs: round(median(sorted)), p95Ms: round(at(0.95)), maxMs: round(sorted.at(-1)) };
}

function median(sorted) {
    const mid = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function round(ms) {
    return Math.round(ms * 10) / 10;
}

function report(results) {
    const row = (name, s, budget) => `${name.padEnd(14)} ${String(s.n).padStart(4)} ${fmt(s.medianMs)} ${fmt(s.p95Ms)} ${fmt(s.maxMs)}  ${budget}`;
    const fmt = (ms) => `${ms.toFixed(1).padStart(9)}`;
    console.log(`server cold start (spawn to initialize answered): ${results.coldStartMs} ms`);
    console.log(`spec: ${results.lines} lines, ${results.characters} characters, ${results.initialDiagnostics} diagnostics; open ${results.openMs} ms`);
    console.log(`${'measure'.padEnd(14)} ${'n'.padStart(4)} ${'median ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'max ms'.padStart(9)}  budget`);
    console.log(row('re-validation', results.revalidation, `median <= ${budgets.revalidationMedianMs} ms`));
    console.log(row('completion', results.completion, `p95 <= ${budgets.completionP95Ms} ms`));
    console.log(row('hover', results.hover, '-'));
    console.log(results.budgetsMet ? 'budgets met' : 'BUDGET MISSED');
    console.log(JSON.stringify(results));
}
