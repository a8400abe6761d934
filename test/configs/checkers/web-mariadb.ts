import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { runTool, type Checker, type Finding } from '../support/checker.js';
import { treePath, type HostTree } from '../support/config-tree.js';
import { ensureTreeDirs, fileAt } from './web-support.js';

/**
 * MariaDB: the server's own option parser on the generated my.cnf drop-in, and the bootstrap SQL
 * run (twice: it claims to be idempotent) by a throwaway server started from the host's tree.
 */

const mycnf = (host: HostTree) => {
    const file = fileAt(host, host.profile.web.mariadb.configFile);
    return file === undefined ? [] : [file];
};

/** `mariadbd --defaults-file=F --help --verbose` parses every option of F: an unknown one is rc 2. */
export const mariadbdCheck: Checker = {
    name: 'mariadbd --help --verbose',
    kind: 'daemon',
    tools: ['mariadbd'],
    claims: mycnf,
    check(host, files) {
        return files.flatMap(file => {
            const run = runTool('mariadbd', [`--defaults-file=${treePath(host, file)}`, '--help', '--verbose']);
            const errors = run.stderr.split('\n').filter(line => /\[ERROR\]/.test(line));
            return run.status === 0 && errors.length === 0
                ? []
                : [{ host: host.host, file: file.path, message: errors.length > 0 ? errors.join('\n') : run.output.slice(-2000) }];
        });
    },
    negativeControl: {
        pick: file => file.path.endsWith('.cnf'),
        breakContent: content => content.replace('skip-name-resolve', 'skip-name-resolv3'),
        expect: /unknown option '--skip-name-resolv3'/
    }
};

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

/** Waits until the process has exited (SIGKILL after 20 s), so nothing outlives the check. */
async function stop(child: ReturnType<typeof spawn>): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) {
        return;
    }
    const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
}

/**
 * The bootstrap SQL through a real server: `mariadb-install-db` into the tree's datadir (the command
 * provision.sh runs), `mariadbd` from the generated my.cnf as mysql, then the SQL as root over the
 * tree's socket. `--skip-networking` is the one command-line addition: the private bind-address
 * does not exist here, and the SQL goes over the socket anyway.
 */
export const mariadbBootstrapCheck: Checker = {
    name: 'mariadb < bootstrap.sql',
    kind: 'daemon',
    tools: ['mariadbd', 'mariadb-install-db', 'mariadb'],
    claims(host) {
        const { mariadb } = host.profile.web;
        const sql = fileAt(host, mariadb.bootstrapSql);
        return sql === undefined || fileAt(host, mariadb.configFile) === undefined ? [] : [sql];
    },
    async check(host, files) {
        const { mariadb } = host.profile.web;
        const cnf = treePath(host, fileAt(host, mariadb.configFile)!);
        const sql = files[0]!;
        if (Buffer.byteLength(mariadb.socket) > 107) {
            throw new Error(`${mariadb.socket} is longer than a Unix socket path may be (107 bytes): use a shorter COMPANYKIT_TEST_ROOT`);
        }
        ensureTreeDirs(host, [path.dirname(mariadb.socket), path.dirname(mariadb.logError), mariadb.datadir], mariadb.user);
        if (!existsSync(path.join(mariadb.datadir, 'mysql'))) {
            const install = runTool('mariadb-install-db', [`--defaults-file=${cnf}`, `--user=${mariadb.user}`, `--datadir=${mariadb.datadir}`, '--skip-test-db']);
            if (install.status !== 0) {
                return [{ host: host.host, file: sql.path, message: `mariadb-install-db failed: ${install.output.slice(-2000)}` }];
            }
        }
        const server = spawn('mariadbd', [`--defaults-file=${cnf}`, `--user=${mariadb.user}`, '--skip-networking'], { stdio: 'ignore' });
        try {
            return await runBootstrap(host, sql.path, treePath(host, sql), server);
        } finally {
            await stop(server);
        }
    },
    negativeControl: {
        pick: file => file.path.endsWith('.sql'),
        breakContent: content => content.replace('GRANT ALL PRIVILEGES ON', 'GRANT ALL PRIVILEGE ON'),
        expect: /ERROR 1064 .*You have an error in your SQL syntax/
    }
};

async function runBootstrap(host: HostTree, onHostPath: string, sqlFile: string, server: ReturnType<typeof spawn>): Promise<Finding[]> {
    const { mariadb } = host.profile.web;
    const cnf = treePath(host, fileAt(host, mariadb.configFile)!);
    // The client reads the generated file's [client-server] and [client] groups, nothing from /etc.
    const client = (input: string) => runTool('mariadb', [`--defaults-file=${cnf}`, `--socket=${mariadb.socket}`], { input });
    for (let tries = 0; client('SELECT 1').status !== 0; tries++) {
        if (tries >= 150 || server.exitCode !== null) {
            return [{ host: host.host, file: onHostPath, message: `mariadbd did not come up (exit ${server.exitCode}); see ${mariadb.logError}` }];
        }
        await sleep(100);
    }
    const statements = readFileSync(sqlFile, 'utf-8');
    for (const pass of ['first', 'second']) {
        const run = client(statements);
        if (run.status !== 0) {
            return [{ host: host.host, file: onHostPath, line: lineOf(run.output), message: `${pass} run: ${run.output}` }];
        }
    }
    return [];
}

/** `ERROR 1064 (42000) at line 12: …` → 12. */
const lineOf = (message: string): number | undefined => {
    const match = /at line (\d+)/.exec(message);
    return match ? Number(match[1]) : undefined;
};
