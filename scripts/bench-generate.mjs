// Generation benchmark of one size: write a synthetic spec of `companies` × `users`, generate
// it with the CLI bundle (`bin/companykit.cjs generate SPEC --out DIR`, the path a user runs,
// process start included) on a fresh output folder each run, then time the floor: Node writing
// the very same file set (paths, contents, modes) with no generation at all, in this process.
import { spawnSync } from 'node:child_process';
import { chmod, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, round } from './bench-stats.mjs';
import { buildSyntheticSpec } from './synthetic-spec.mjs';

export const cliPath = fileURLToPath(new URL('../bin/companykit.cjs', import.meta.url));

/**
 * @param {{ companies: number, users: number, companiesPerServer: number, runs: number, work: string, nodeArgs?: string[] }} options
 */
export async function benchGeneration(options) {
    const dir = path.join(options.work, `c${options.companies}`);
    await rm(dir, { recursive: true, force: true });
    await mkdir(dir, { recursive: true });
    const spec = buildSyntheticSpec({
        companies: options.companies, usersPerCompany: options.users, companiesPerServer: options.companiesPerServer
    });
    const specPath = path.join(dir, 'synthetic.company');
    await writeFile(specPath, spec.text);

    // The first run also creates the secrets file (DKIM keys, passwords): timed apart, as it
    // happens once per spec, not on every regeneration.
    const firstMs = await generateOnce(specPath, path.join(dir, 'out-first'), options.nodeArgs);
    const runs = [];
    for (let i = 0; i < options.runs; i++) {
        const out = path.join(dir, `out-${i}`);
        runs.push(await generateOnce(specPath, out, options.nodeArgs));
        if (i < options.runs - 1) {
            await rm(out, { recursive: true, force: true });
        }
    }
    const files = await readTree(path.join(dir, `out-${options.runs - 1}`));
    const floors = [];
    const durableFloors = [];
    for (let i = 0; i < options.runs; i++) {
        floors.push(await timeWrite(files, path.join(dir, `floor-${i}`), writePlain));
        durableFloors.push(await timeWrite(files, path.join(dir, `durable-${i}`), writeDurable));
    }
    await rm(dir, { recursive: true, force: true });
    return {
        companies: options.companies,
        users: options.users,
        servers: spec.servers,
        specLines: spec.lines,
        files: files.length,
        bytes: files.reduce((sum, f) => sum + f.content.length, 0),
        ms: round(median(runs)),
        floor_ms: round(median(floors)),
        durable_floor_ms: round(median(durableFloors)),
        first_ms: round(firstMs)
    };
}

/** Wall time of one CLI generation into a fresh folder; a failed run stops the bench. */
async function generateOnce(specPath, out, nodeArgs = []) {
    const start = performance.now();
    const result = spawnSync(process.execPath, [...nodeArgs, cliPath, 'generate', specPath, '--out', out], {
        encoding: 'utf-8', maxBuffer: 64 * 1024 * 1024
    });
    const elapsed = performance.now() - start;
    if (result.status !== 0) {
        throw new Error(`generate ${specPath} exited ${result.status}:\n${result.stdout}${result.stderr}`);
    }
    return elapsed;
}

/** Every file under `root` with its relative path, content and mode, read into memory. */
async function readTree(root) {
    const entries = await readdir(root, { recursive: true, withFileTypes: true });
    const files = [];
    for (const entry of entries.filter((e) => e.isFile())) {
        const full = path.join(entry.parentPath, entry.name);
        files.push({ file: path.relative(root, full), content: await readFile(full), mode: (await stat(full)).mode & 0o7777 });
    }
    return files;
}

async function timeWrite(files, out, write) {
    await rm(out, { recursive: true, force: true });
    const start = performance.now();
    const made = new Set();
    for (const f of files) {
        const target = path.join(out, f.file);
        const parent = path.dirname(target);
        if (!made.has(parent)) {
            await mkdir(parent, { recursive: true });
            made.add(parent);
        }
        await write(target, f.content, f.mode);
    }
    const elapsed = performance.now() - start;
    await rm(out, { recursive: true, force: true });
    return elapsed;
}

/** The floor: create the file with its content, then its exact mode (the umask narrows creation). */
async function writePlain(target, content, mode) {
    await writeFile(target, content, { mode });
    await chmod(target, mode);
}

/** As the product's writer does per file (temporary file, fsync, rename): the cost of durability alone. */
async function writeDurable(target, content, mode) {
    const temp = `${target}.tmp`;
    const handle = await open(temp, 'wx', 0o600);
    try {
        await handle.writeFile(content);
        await handle.chmod(mode);
        await handle.sync();
    } finally {
        await handle.close();
    }
    await rename(temp, target);
}
