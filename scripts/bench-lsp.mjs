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
import { parseArgs } from 'node:util';
import { benchLanguageServer } from './bench-lsp-session.mjs';

const budgets = { revalidationMedianMs: 300, completionP95Ms: 50 };

const { values } = parseArgs({
    options: {
        lines: { type: 'string', default: '5000' },
        edits: { type: 'string', default: '15' },
        requests: { type: 'string', default: '30' },
        warmup: { type: 'string', default: '3' },
        'cpu-prof': { type: 'string' }
    }
});
const profileDir = values['cpu-prof'];
const settings = {
    lines: Number(values.lines), edits: Number(values.edits), requests: Number(values.requests), warmup: Number(values.warmup),
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []
};

let stats;
try {
    stats = await benchLanguageServer(settings);
} catch (error) {
    console.error(`bench-lsp: ${error.message}`);
    process.exit(2);
}
const budgetsMet = stats.revalidation.medianMs <= budgets.revalidationMedianMs
    && stats.completion.p95Ms <= budgets.completionP95Ms;
const results = { ...stats, budgets, budgetsMet };
report(results);
process.exitCode = budgetsMet ? 0 : 1;

function report(results) {
    const row = (name, s, budget) => `${name.padEnd(14)} ${String(s.n).padStart(4)} ${fmt(s.medianMs)} ${fmt(s.p95Ms)} ${fmt(s.maxMs)}  ${budget}`;
    const fmt = (ms) => `${ms.toFixed(1).padStart(9)}`;
    console.log(`server cold start (spawn to initialize answered): ${results.coldStartMs} ms; peak RSS ${results.rssMb} MB`);
    console.log(`spec: ${results.lines} lines, ${results.characters} characters, ${results.initialDiagnostics} diagnostics; open ${results.openMs} ms`);
    console.log(`${'measure'.padEnd(14)} ${'n'.padStart(4)} ${'median ms'.padStart(9)} ${'p95 ms'.padStart(9)} ${'max ms'.padStart(9)}  budget`);
    console.log(row('re-validation', results.revalidation, `median <= ${budgets.revalidationMedianMs} ms`));
    console.log(row('completion', results.completion, `p95 <= ${budgets.completionP95Ms} ms`));
    console.log(row('hover', results.hover, '-'));
    console.log(results.budgetsMet ? 'budgets met' : 'BUDGET MISSED');
    console.log(JSON.stringify(results));
}
