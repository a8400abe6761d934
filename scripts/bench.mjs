// `npm run bench`: generation at 1, 10 and 100 companies × 50 users (10 companies per server),
// and the language server over stdio at about 1k, 5k and 20k lines. Writes bench/results.json,
// prints a table and which targets are met. A benchmark, not a test: it always exits 0 when
// it could measure (2 when it could not), whatever the figures.
//
//   npm run build && npm run bench -- [--runs 3] [--companies 1,10,100] [--lines 1000,5000,20000] [--cpu-prof DIR]
//
// --cpu-prof DIR runs every CLI generation and language server under `node --cpu-prof`, leaving
// the profiles in DIR (open them in Chrome DevTools or VS Code); the timings then include the
// profiler's overhead, so results.json is not written.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchGeneration, cliPath } from './bench-generate.mjs';
import { benchLanguageServer, serverPath } from './bench-lsp-session.mjs';
import { median, round } from './bench-stats.mjs';

const targets = { generateFloorRatio: 5, diagnosticsP50Ms: 300, diagnosticsAtLines: 5000, completionP95Ms: 50, coldStartMs: 1000 };
const resultsPath = fileURLToPath(new URL('../bench/results.json', import.meta.url));

const { values } = parseArgs({
    options: {
        runs: { type: 'string', default: '3' },
        companies: { type: 'string', default: '1,10,100' },
        lines: { type: 'string', default: '1000,5000,20000' },
        'cpu-prof': { type: 'string' }
    }
});
const numbers = (list) => list.split(',').map(Number).sort((a, b) => a - b);
const profileDir = values['cpu-prof'] ? path.resolve(values['cpu-prof']) : undefined;
const nodeArgs = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [];

for (const needed of [cliPath, serverPath]) {
    if (!existsSync(needed)) {
        console.error(`bench: ${needed} is missing; run npm run build first`);
        process.exit(2);
    }
}

const work = await mkdtemp(path.join(tmpdir(), 'companykit-bench-'));
try {
    const generate = [];
    const generateDetail = [];
    for (const companies of numbers(values.companies)) {
        const row = await benchGeneration({ companies, users: 50, companiesPerServer: 10, runs: Number(values.runs), work, nodeArgs });
        generateDetail.push(row);
        generate.push({ companies: row.companies, users: row.users, files: row.files, bytes: row.bytes, ms: row.ms, floor_ms: row.floor_ms });
        console.error(`generated ${companies} companies: ${row.ms} ms`);
    }
    const lsp = [];
    const lspDetail = [];
    for (const lines of numbers(values.lines)) {
        const stats = await benchLanguageServer({ lines, edits: 15, requests: 30, warmup: 3, nodeArgs });
        lspDetail.push(stats);
        lsp.push({
            lines: stats.lines,
            diagnostics_ms_p50: stats.revalidation.medianMs,
            diagnostics_ms_p95: stats.revalidation.p95Ms,
            completion_ms_p95: stats.completion.p95Ms,
            hover_ms_p95: stats.hover.p95Ms,
            rss_mb: stats.rssMb
        });
        console.error(`language server at ${stats.lines} lines measured`);
    }
    printTables(generateDetail, lspDetail);
    printTargets(generateDetail, lspDetail);
    if (profileDir) {
        console.log(`profiles in ${profileDir}; results.json not written (timings include the profiler)`);
    } else {
        await mkdir(path.dirname(resultsPath), { recursive: true });
        await writeFile(resultsPath, JSON.stringify({ generate, lsp }, null, 2) + '\n');
        console.log(`wrote ${path.relative(process.cwd(), resultsPath)}`);
    }
} catch (error) {
    console.error(`bench: ${error.message}`);
    process.exitCode = 2;
} finally {
    await rm(work, { recursive: true, force: true });
}

function printTables(generate, lsp) {
    console.log(`\nGeneration (CLI bundle, median of ${values.runs} runs; floor = Node writing the same files)`);
    table(['companies', 'users', 'servers', 'spec lines', 'files', 'MB', 'ms', 'floor ms', 'ms/floor', 'fsync floor ms', 'first run ms'],
        generate.map((g) => [g.companies, g.users * g.companies, g.servers, g.specLines, g.files, (g.bytes / 1e6).toFixed(1),
            g.ms, g.floor_ms, (g.ms / g.floor_ms).toFixed(1), g.durable_floor_ms, g.first_ms]));
    console.log('\nLanguage server over stdio (15 edits, 30 completions, 30 hovers after 3 warm-up each)');
    table(['lines', 'cold start ms', 'open ms', 'diag p50', 'diag p95', 'compl p50', 'compl p95', 'hover p50', 'hover p95', 'RSS MB'],
        lsp.map((l) => [l.lines, l.coldStartMs, l.openMs, l.revalidation.medianMs, l.revalidation.p95Ms,
            l.completion.medianMs, l.completion.p95Ms, l.hover.medianMs, l.hover.p95Ms, l.rssMb]));
}

function printTargets(generate, lsp) {
    const verdict = (ok) => (ok ? 'met   ' : 'MISSED');
    console.log('\nTargets');
    const largest = generate.at(-1);
    if (largest) {
        const ratio = largest.ms / largest.floor_ms;
        console.log(`${verdict(ratio <= targets.generateFloorRatio)} ${largest.companies} companies within ${targets.generateFloorRatio}× the floor: ${ratio.toFixed(1)}× (${largest.ms} / ${largest.floor_ms} ms)`);
    }
    if (generate.length >= 2) {
        // Linear: the time per company of the largest size at most 1.5× that of the one before.
        const [a, b] = generate.slice(-2);
        const growth = (b.ms / b.companies) / (a.ms / a.companies);
        console.log(`${verdict(growth <= 1.5)} linear growth: ms per company ${round(a.ms / a.companies)} at ${a.companies} -> ${round(b.ms / b.companies)} at ${b.companies} (×${growth.toFixed(2)}, files ×${(b.files / a.files).toFixed(1)}, time ×${(b.ms / a.ms).toFixed(1)})`);
    }
    const nearest = lsp.reduce((best, l) => (!best || Math.abs(l.lines - targets.diagnosticsAtLines) < Math.abs(best.lines - targets.diagnosticsAtLines) ? l : best), undefined);
    if (nearest) {
        console.log(`${verdict(nearest.revalidation.medianMs <= targets.diagnosticsP50Ms)} diagnostics p50 <= ${targets.diagnosticsP50Ms} ms at ${nearest.lines} lines: ${nearest.revalidation.medianMs} ms`);
    }
    const worstCompletion = Math.max(...lsp.map((l) => l.completion.p95Ms));
    console.log(`${verdict(worstCompletion <= targets.completionP95Ms)} completion p95 <= ${targets.completionP95Ms} ms at every size: worst ${worstCompletion} ms`);
    const coldStart = round(median(lsp.map((l) => l.coldStartMs)));
    console.log(`${verdict(coldStart <= targets.coldStartMs)} cold start <= ${targets.coldStartMs} ms: median ${coldStart} ms of ${lsp.length} starts`);
}

function table(header, rows) {
    const cells = [header, ...rows.map((r) => r.map(String))];
    const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i].length)));
    for (const [i, row] of cells.entries()) {
        console.log(row.map((c, j) => c.padStart(widths[j])).join('  '));
        if (i === 0) {
            console.log(widths.map((w) => '-'.repeat(w)).join('  '));
        }
    }
}
