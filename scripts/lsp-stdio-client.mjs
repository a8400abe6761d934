// A small LSP client over stdio for the protocol tests and the latency benchmark: spawns the
// bundled language server, and gives every request a timeout so that a hung server fails
// the caller instead of blocking it.
import { spawn } from 'node:child_process';
import protocol from 'vscode-languageserver-protocol/node';

const {
    createProtocolConnection, StreamMessageReader, StreamMessageWriter,
    InitializeRequest, InitializedNotification, ShutdownRequest, ExitNotification,
    DidOpenTextDocumentNotification, DidChangeTextDocumentNotification, DidCloseTextDocumentNotification,
    PublishDiagnosticsNotification, CompletionRequest, HoverRequest
} = protocol;

const defaultTimeoutMs = 10_000;

/**
 * Spawn `node serverPath --stdio` and initialize it (no workspace folder, so the server only
 * knows the documents the caller opens).
 * @param {{ node: string, serverPath: string, cwd?: string, timeoutMs?: number, nodeArgs?: string[] }} options
 */
export async function startLanguageServer(options) {
    const child = spawn(options.node, [...(options.nodeArgs ?? []), options.serverPath, '--stdio'], {
        cwd: options.cwd, stdio: ['pipe', 'pipe', 'pipe']
    });
    const client = new LspStdioClient(child, options.timeoutMs ?? defaultTimeoutMs);
    await client.initialize();
    return client;
}

export class LspStdioClient {
    /** @param {import('node:child_process').ChildProcessWithoutNullStreams} child */
    constructor(child, timeoutMs) {
        this.child = child;
        this.timeoutMs = timeoutMs;
        this.stderr = '';
        /** @type {number | null | undefined} undefined while running */
        this.exitCode = undefined;
        this.versions = new Map();
        /** Latest diagnostics per URI, and callers waiting for the next ones. */
        this.diagnostics = new Map();
        this.waiters = [];
        child.stderr.setEncoding('utf-8');
        child.stderr.on('data', (chunk) => { this.stderr += chunk; });
        this.exited = new Promise((resolve) => {
            child.on('exit', (code, signal) => {
                this.exitCode = code ?? (signal ? -1 : null);
                this.rejectWaiters(new Error(`language server exited (code ${code}, signal ${signal})\n${this.stderr}`));
                resolve(this.exitCode);
            });
        });
        this.connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
        this.connection.onNotification(PublishDiagnosticsNotification.type, (params) => this.receiveDiagnostics(params));
        // The server may log through window/logMessage; keep it for failure reports.
        this.connection.onNotification('window/logMessage', (params) => { this.stderr += `[log] ${params.message}\n`; });
        this.connection.onError(() => { /* reported through exit or timeouts */ });
        this.connection.listen();
    }

    get running() {
        return this.exitCode === undefined;
    }

    async initialize() {
        await this.request(InitializeRequest.type, {
            processId: process.pid,
            rootUri: null,
            workspaceFolders: null,
            capabilities: {
                textDocument: {
                    completion: { completionItem: { snippetSupport: true } },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    publishDiagnostics: {}
                }
            }
        });
        await this.connection.sendNotification(InitializedNotification.type, {});
    }

    /** Open a document and wait for its first diagnostics. */
    async open(uri, text) {
        const next = this.nextDiagnostics(uri);
        this.versions.set(uri, 1);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri, languageId: 'company', version: 1, text }
        });
        return next;
    }

    /** Replace the whole text and wait for the diagnostics of the new version. */
    async change(uri, text) {
        const next = this.nextDiagnostics(uri);
        await this.sendChange(uri, text);
        return next;
    }

    /** Replace the whole text without waiting; returns the new version number. */
    async sendChange(uri, text) {
        const version = (this.versions.get(uri) ?? 0) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version }, contentChanges: [{ text }]
        });
        return version;
    }

    /** Replace `range` with `text` (an incremental change, as editors send) without waiting. */
    async sendEdit(uri, range, text) {
        const version = (this.versions.get(uri) ?? 0) + 1;
        this.versions.set(uri, version);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version }, contentChanges: [{ range, text }]
        });
        return version;
    }

    async close(uri) {
        this.versions.delete(uri);
        await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    }

    /**
     * The next diagnostics published for `uri` after this call. Call it before sending the
     * change that causes them, or they may arrive first and be missed.
     */
    nextDiagnostics(uri, timeoutMs = this.timeoutMs) {
        return this.withTimeout(new Promise((resolve, reject) => {
            this.waiters.push({ uri, resolve, reject });
        }), timeoutMs, `diagnostics for ${uri}`);
    }

    completion(uri, position, timeoutMs) {
        return this.request(CompletionRequest.type, { textDocument: { uri }, position }, timeoutMs);
    }

    hover(uri, position, timeoutMs) {
        return this.request(HoverRequest.type, { textDocument: { uri }, position }, timeoutMs);
    }

    request(type, params, timeoutMs = this.timeoutMs) {
        const method = typeof type === 'string' ? type : type.method;
        return this.withTimeout(this.connection.sendRequest(type, params), timeoutMs, method);
    }

    /** shutdown, exit, and wait for the process to end; returns its exit code. */
    async shutdown(timeoutMs = this.timeoutMs) {
        if (this.running) {
            await this.request(ShutdownRequest.type, undefined, timeoutMs);
            await this.connection.sendNotification(ExitNotification.type);
            await this.withTimeout(this.exited, timeoutMs, 'process exit');
        }
        this.connection.dispose();
        return this.exitCode;
    }

    /** Last resort for a test that failed half-way. */
    kill() {
        if (this.running) {
            this.child.kill('SIGKILL');
        }
        this.connection.dispose();
    }

    receiveDiagnostics(params) {
        this.diagnostics.set(params.uri, params.diagnostics);
        const waiting = this.waiters.filter((w) => w.uri === params.uri);
        this.waiters = this.waiters.filter((w) => w.uri !== params.uri);
        for (const waiter of waiting) {
            waiter.resolve(params.diagnostics);
        }
    }

    rejectWaiters(error) {
        const waiting = this.waiters;
        this.waiters = [];
        for (const waiter of waiting) {
            waiter.reject(error);
        }
    }

    withTimeout(promise, timeoutMs, what) {
        let timer;
        const timeout = new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${this.stderr}`)), timeoutMs);
        });
        return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
    }
}
