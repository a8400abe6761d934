import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { runTool } from './checker.js';
import { treePath, type HostTree } from './config-tree.js';
import { databaseDirectories, ldifFiles, prepareSlapdDirectories, slapdConf, slapdUserFlags } from './slapd-runtime.js';
import { own } from './system-ids.js';

/**
 * The real slapd of an auth host, run from its tree: the generated LDIFs loaded with slapadd into
 * the tree's (emptied) data directories, then `slapd -f <tree>/etc/ldap/slapd.conf` on a free
 * loopback port, as the profile's user like on the host. For checks that need a live directory
 * (`doveadm auth test`, `postmap -q ldap:`). The listen address is a run-time flag (`-h`), never
 * in slapd.conf, so nothing generated is changed.
 */
export interface LiveSlapd {
    /** `ldap://127.0.0.1:<port>/` */
    readonly url: string;
    readonly pid: number;
    /** SIGTERM, then waits until the process is gone (SIGKILL after 5 s). Safe to call twice. */
    stop(): Promise<void>;
}

export async function startSlapd(authHost: HostTree): Promise<LiveSlapd> {
    const conf = slapdConf(authHost);
    if (conf === undefined) {
        throw new Error(`${authHost.host} has no slapd.conf`);
    }
    const confPath = treePath(authHost, conf);
    loadDirectory(authHost, confPath);
    const port = await freePort();
    const url = `ldap://127.0.0.1:${port}/`;
    // -d 0: stay in the foreground (no fork), so the PID is ours to stop; errors still reach stderr.
    const child = spawn('slapd', ['-d', '0', '-f', confPath, '-h', url, ...slapdUserFlags(authHost)], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
    // Safety net: a test run that ends without stop() must not leave slapd behind.
    const orphan = () => child.kill('SIGKILL');
    process.once('exit', orphan);
    const exited = new Promise<void>(resolve => child.once('exit', () => {
        process.removeListener('exit', orphan);
        resolve();
    }));
    const stop = () => stopProcess(child, exited);
    try {
        await waitUntilAnswering(url, child, () => stderr);
    } catch (error) {
        await stop();
        throw error;
    }
    return { url, pid: child.pid!, stop };
}

/** Every generated LDIF into an empty database: provision.sh's first load (slapadd as root, then chown). */
function loadDirectory(host: HostTree, confPath: string): void {
    const p = host.profile.directory;
    prepareSlapdDirectories(host, slapdConf(host)!);
    for (const dir of databaseDirs(confPath)) {
        for (const entry of readdirSync(dir)) {
            rmSync(`${dir}/${entry}`, { recursive: true, force: true });
        }
    }
    for (const { file, suffix } of ldifFiles(host)) {
        const run = runTool('slapadd', ['-q', '-f', confPath, '-b', suffix, '-l', treePath(host, file)]);
        if (run.status !== 0) {
            throw new Error(`${host.host}: slapadd ${file.path} failed: ${run.output}`);
        }
    }
    for (const dir of databaseDirs(confPath)) {
        own(dir, p.user, p.group, true);
    }
}

function databaseDirs(confPath: string): string[] {
    return databaseDirectories(readFileSync(confPath, 'utf-8'));
}

/** A port the kernel just gave out and took back: free unless something grabs it in between. */
function freePort(): Promise<number> {
    return new Promise((resolve, reject) => {
        const server = createServer();
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => {
            const address = server.address();
            server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
        });
    });
}

/**
 * Polls with an anonymous rootDSE search until slapd answers. The generated config refuses
 * anonymous operations, so any answer counts; only "can't contact" (255) means not up yet.
 */
async function waitUntilAnswering(url: string, child: ChildProcess, stderr: () => string): Promise<void> {
    for (let attempt = 0; attempt < 100; attempt++) {
        if (child.exitCode !== null || child.signalCode !== null) {
            throw new Error(`slapd exited (${child.exitCode ?? child.signalCode}) before answering on ${url}: ${stderr().trim() || 'no message (try -d 1)'}`);
        }
        const probe = runTool('ldapsearch', ['-x', '-H', url, '-b', '', '-s', 'base', '-o', 'nettimeout=1'], { timeoutMs: 5000 });
        if (probe.status !== null && probe.status !== 255) {
            return;
        }
        await new Promise(resolve => setTimeout(resolve, 50));
    }
    throw new Error(`slapd did not answer on ${url} within 5 s: ${stderr().trim()}`);
}

async function stopProcess(child: ChildProcess, exited: Promise<void>): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) {
        return;
    }
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
}
