// One code-server for npm run test:vscode: every file it writes under one temporary folder,
// started in its own session (setsid, through spawn's `detached`) so that stopping it can kill
// the whole process group: SIGTERM to code-server alone leaves its file watcher, agent host and
// the extension host's language server running.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, openSync, closeSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';

const SETTINGS = {
    // 1.139 opens a Chat/Agent panel and a welcome page that take focus from the editor.
    'chat.disableAIFeatures': true,
    'workbench.startupEditor': 'none',
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.tips.enabled': false,
    'security.workspace.trust.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none'
};

/** The folders of one run; XDG_* and TMPDIR point here too so nothing lands in ~ or /tmp. */
export function codeServerDirs(tmp) {
    const dirs = {
        user: path.join(tmp, 'user'), extensions: path.join(tmp, 'extensions'), xdg: path.join(tmp, 'xdg'),
        runtime: path.join(tmp, 'run'), log: path.join(tmp, 'code-server.log')
    };
    for (const dir of [dirs.user, dirs.extensions, dirs.xdg, dirs.runtime]) {
        mkdirSync(dir, { recursive: true, mode: 0o700 });
    }
    mkdirSync(path.join(dirs.user, 'User'), { recursive: true });
    writeFileSync(path.join(dirs.user, 'User', 'settings.json'), `${JSON.stringify(SETTINGS, null, 2)}\n`);
    return dirs;
}

function environment(dirs) {
    return {
        ...process.env,
        XDG_CONFIG_HOME: path.join(dirs.xdg, 'config'), XDG_DATA_HOME: path.join(dirs.xdg, 'data'),
        XDG_CACHE_HOME: path.join(dirs.xdg, 'cache'), XDG_RUNTIME_DIR: dirs.runtime, TMPDIR: dirs.runtime
    };
}

function baseArgs(host, dirs) {
    return [host.codeServer, '--user-data-dir', dirs.user, '--extensions-dir', dirs.extensions];
}

/** Install the packaged .vsix the way a user would, and the harness as a plain extension folder. */
export function installExtensions(host, dirs, { vsix, harness, harnessId }) {
    // The folder first: the first install writes extensions.json from the folders it finds, and
    // a folder that appears after that is taken for an uninstalled leftover and removed.
    cpSync(harness, path.join(dirs.extensions, harnessId), { recursive: true });
    const run = spawnSync(host.node, [...baseArgs(host, dirs), '--install-extension', vsix], { env: environment(dirs), encoding: 'utf-8' });
    if (run.status !== 0 || !/was successfully installed/.test(run.stdout)) {
        throw new Error(`code-server --install-extension ${path.basename(vsix)} failed:\n${run.stdout}${run.stderr}`);
    }
}

export function freePort() {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const { port } = server.address();
            server.close(() => resolve(port));
        });
    });
}

/** Start code-server on `port`; resolves once it answers HTTP. */
export async function startCodeServer(host, dirs, port) {
    const log = openSync(dirs.log, 'a');
    const child = spawn(host.node, [
        ...baseArgs(host, dirs), '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override'
    ], { env: environment(dirs), detached: true, stdio: ['ignore', log, log] });
    closeSync(log);
    const server = { pid: child.pid, exited: false };
    child.on('exit', () => { server.exited = true; });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
        if (server.exited) {
            throw new Error(`code-server exited at start; see ${dirs.log}`);
        }
        const up = await fetch(`http://127.0.0.1:${port}/healthz`).then(r => r.ok, () => false);
        if (up) {
            return server;
        }
        await new Promise(resolve => setTimeout(resolve, 200));
    }
    throw new Error(`code-server did not answer on port ${port} within 30 s`);
}

function groupAlive(pid) {
    try {
        process.kill(-pid, 0);
        return true;
    } catch {
        return false;
    }
}

/** Stop the whole process group: SIGTERM, then SIGKILL for whatever is left after 5 s. */
export async function stopCodeServer(server) {
    if (!server?.pid || !groupAlive(server.pid)) {
        return;
    }
    process.kill(-server.pid, 'SIGTERM');
    const deadline = Date.now() + 5_000;
    while (groupAlive(server.pid) && Date.now() < deadline) {
        await new Promise(resolve => setTimeout(resolve, 100));
    }
    if (groupAlive(server.pid)) {
        process.kill(-server.pid, 'SIGKILL');
    }
}

/** Last resort on exit (synchronous: no awaiting in an exit handler). */
export function killNow(server) {
    if (server?.pid && groupAlive(server.pid)) {
        process.kill(-server.pid, 'SIGKILL');
    }
}
