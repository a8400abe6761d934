import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTool, type ToolRun } from '../support/checker.js';
import type { HostTree } from '../support/config-tree.js';
import { startSlapd, type LiveSlapd } from '../support/live-slapd.js';

/**
 * A private network namespace in which a mail host's generated configs reach "the auth VM" at the
 * address they were generated with (`ldap://10.0.0.10:389`), without rewriting them: the address
 * is put on the namespace's own loopback, and a small forwarder listening there carries each
 * connection over a unix socket in the host's tree to the auth host's real slapd (started by
 * live-slapd.ts on a free port of the machine's loopback; a unix socket is the one path that
 * crosses network namespaces without touching the machine's own interfaces). The mail daemons
 * and their clients (postmap, dovecot, spamd) run inside the namespace with `ip netns exec`.
 * Everything started is stopped by PID, then the namespace is deleted, also on failure.
 */
export interface MailLab {
    /** `[ip, netns, exec, <name>]` + the command: run a program inside the namespace. */
    argv(command: string, args: readonly string[]): [string, string[]];
    run(command: string, args: readonly string[], options?: { env?: NodeJS.ProcessEnv }): Promise<ToolRun>;
    /** Starts a foreground daemon in the namespace; it is stopped with the lab. */
    start(what: string, command: string, args: readonly string[], ready: () => Promise<boolean>): Promise<void>;
}

const BRIDGE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'mail-tcp-bridge.mjs');
let counter = 0;

/** `host:port` of every LDAP server the host's files name, each with the auth host whose tree serves it. */
export interface LdapTarget { readonly address: string, readonly port: number, readonly authHost: HostTree }

export async function withMailLab<T>(host: HostTree, targets: readonly LdapTarget[], body: (lab: MailLab) => Promise<T>): Promise<T> {
    const name = `ck-mail-${process.pid}-${++counter}`;
    const stops: (() => Promise<void>)[] = [];
    const lab = labIn(name, stops);
    try {
        must(runTool('ip', ['netns', 'add', name]), 'ip netns add');
        stops.push(async () => { runTool('ip', ['netns', 'del', name]); });
        must(runTool('ip', ['-n', name, 'link', 'set', 'lo', 'up']), 'ip link set lo up');
        const slapds = new Map<HostTree, LiveSlapd>();
        for (const target of targets) {
            must(runTool('ip', ['-n', name, 'addr', 'add', `${target.address}/32`, 'dev', 'lo']), `ip addr add ${target.address}`);
            let slapd = slapds.get(target.authHost);
            if (slapd === undefined) {
                slapd = await startSlapd(target.authHost);
                slapds.set(target.authHost, slapd);
                stops.push(slapd.stop);
            }
            const socket = path.join(host.dir, 'run', `ldap-${target.address}-${target.port}.sock`);
            const upstream = new URL(slapd.url);
            mkdirSync(path.dirname(socket), { recursive: true });
            rmSync(socket, { force: true });
            await startBridge(stops, 'the unix socket→slapd forwarder', [process.execPath, [BRIDGE, socket, `${upstream.hostname}:${upstream.port}`]]);
            await startBridge(stops, `the ${target.address}:${target.port}→unix socket forwarder`, lab.argv(process.execPath, [BRIDGE, `${target.address}:${target.port}`, socket]));
        }
        return await body(lab);
    } finally {
        for (const stop of stops.reverse()) {
            await stop();
        }
    }
}

function labIn(name: string, stops: (() => Promise<void>)[]): MailLab {
    const argv = (command: string, args: readonly string[]): [string, string[]] => ['ip', ['netns', 'exec', name, command, ...args]];
    return {
        argv,
        run: (command, args, options) => runAsync(...argv(command, args), options?.env),
        async start(what, command, args, ready) {
            const daemon = launch(...argv(command, args));
            stops.push(daemon.stop);
            for (let attempt = 0; attempt < 200; attempt++) {
                if (daemon.exited()) {
                    throw new Error(`${what} exited (${daemon.child.exitCode ?? daemon.child.signalCode}) before it was ready: ${daemon.output()}`);
                }
                if (await ready()) {
                    return;
                }
                await new Promise(resolve => setTimeout(resolve, 50));
            }
            throw new Error(`${what} was not ready within 10 s: ${daemon.output()}`);
        }
    };
}

/** A forwarder prints `ready` once it listens. */
async function startBridge(stops: (() => Promise<void>)[], what: string, [command, args]: [string, readonly string[]]): Promise<void> {
    const bridge = launch(command, args);
    stops.push(bridge.stop);
    for (let attempt = 0; attempt < 200 && !/ready/.test(bridge.output()); attempt++) {
        if (bridge.exited()) {
            throw new Error(`${what} exited: ${bridge.output()}`);
        }
        await new Promise(resolve => setTimeout(resolve, 25));
    }
    if (!/ready/.test(bridge.output())) {
        throw new Error(`${what} did not start: ${bridge.output()}`);
    }
}

interface Launched { readonly child: ChildProcess, output(): string, exited(): boolean, stop(): Promise<void> }

function launch(command: string, args: readonly string[]): Launched {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    child.stderr?.on('data', (chunk: Buffer) => { output += chunk.toString(); });
    const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
    const gone = (): boolean => child.exitCode !== null || child.signalCode !== null;
    return {
        child,
        output: () => output.trim(),
        exited: gone,
        async stop() {
            if (!gone()) {
                child.kill('SIGTERM');
                const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
                await exited;
                clearTimeout(timer);
            }
        }
    };
}

/** Like runTool, without blocking the event loop (several slow runs at once; a failed login is delayed 2 s). */
export function runAsync(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): Promise<ToolRun> {
    return new Promise(resolve => {
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: env ?? process.env });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
        child.stderr.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
        const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
        child.once('error', error => { stderr += `${error.message}\n`; });
        child.once('close', status => {
            clearTimeout(timer);
            resolve({ status, stdout, stderr, output: `${stdout}${stderr}`.trim() });
        });
    });
}

function must(run: ToolRun, what: string): void {
    if (run.status !== 0) {
        throw new Error(`${what} failed: ${run.output}`);
    }
}
