// One language-server benchmark session over stdio, as an editor sees the server: spawn the
// bundled server (cold start), open a synthetic spec of about `lines` lines, time re-validation
// after edits, completion and hover, and read the server's peak memory. Shared by
// `npm run bench:lsp` (one size, budgets) and `npm run bench` (every size, results.json).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startLanguageServer } from './lsp-stdio-client.mjs';
import { buildSyntheticSpecOfLines } from './synthetic-spec.mjs';
import { round, summarize } from './bench-stats.mjs';

export const serverPath = fileURLToPath(new URL('../out/language/main.cjs', import.meta.url));
const uri = 'file:///companykit-bench/synthetic.company';

/**
 * @param {{ lines: number, edits: number, requests: number, warmup: number, nodeArgs?: string[] }} settings
 */
export async function benchLanguageServer(settings) {
    if (!existsSync(serverPath)) {
        throw new Error(`${serverPath} is missing; run npm run build first`);
    }
    const spec = buildSyntheticSpecOfLines(settings.lines);
    // Cold start: spawning the bundled server until it answers `initialize`, as an editor waits for it.
    const startedAt = performance.now();
    const server = await startLanguageServer({
        node: process.execPath, serverPath, timeoutMs: 120_000, nodeArgs: settings.nodeArgs ?? []
    });
    const coldStartMs = performance.now() - startedAt;
    try {
        const stats = await measure(server, spec, settings);
        return { coldStartMs: round(coldStartMs), ...stats, rssMb: peakRssMb(server.child.pid) };
    } finally {
        await server.shutdown().catch(() => server.kill());
    }
}

async function measure(client, spec, settings) {
    let text = spec.text;
    const openStart = performance.now();
    const initial = await client.open(uri, text);
    const openMs = performance.now() - openStart;
    // A spec with errors would time the error path, not the editor's everyday one.
    const errors = initial.filter((d) => (d.severity ?? 1) === 1);
    if (errors.length > 0) {
        throw new Error(`synthetic spec of ${spec.lines} lines has ${errors.length} errors, first: ${errors[0].message}`);
    }

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

    const completion = await timeRequests(requestPoints(text, spec, 'completion'), (p) => client.completion(uri, p), true, settings);
    const hover = await timeRequests(requestPoints(text, spec, 'hover'), (p) => client.hover(uri, p), false, settings);
    return {
        lines: spec.lines,
        characters: spec.text.length,
        initialDiagnostics: initial.length,
        openMs: round(openMs),
        revalidation: summarize(revalidation),
        completion: summarize(completion),
        hover: summarize(hover)
    };
}

/** VmHWM: the peak resident set of the server process, read before it exits (Linux only). */
function peakRssMb(pid) {
    try {
        const status = readFileSync(`/proc/${pid}/status`, 'utf-8');
        const kb = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1]);
        return Number.isFinite(kb) ? round(kb / 1024) : null;
    } catch {
        return null;
    }
}

/** Time each request; an empty answer would mean timing nothing, so it stops the run. */
async function timeRequests(points, send, isCompletion, settings) {
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
function requestPoints(text, spec, kind) {
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
    return {
        range: { start: positionAt(text, open + 1), end: positionAt(text, close) },
        replacement: name,
        newText: text.slice(0, open + 1) + name + text.slice(close)
    };
}

function positionAt(text, offset) {
    const before = text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}
