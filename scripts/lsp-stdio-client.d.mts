// Types for lsp-stdio-client.mjs, so the TypeScript tests can use the same client as the benchmark.
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { CompletionItem, CompletionList, Diagnostic, Hover, Position, Range } from 'vscode-languageserver-protocol';

export interface StartOptions {
    node: string;
    serverPath: string;
    cwd?: string;
    timeoutMs?: number;
    nodeArgs?: string[];
}

export declare function startLanguageServer(options: StartOptions): Promise<LspStdioClient>;

export declare class LspStdioClient {
    readonly child: ChildProcessWithoutNullStreams;
    readonly stderr: string;
    readonly exitCode: number | null | undefined;
    readonly exited: Promise<number | null>;
    readonly running: boolean;
    readonly diagnostics: Map<string, Diagnostic[]>;
    open(uri: string, text: string): Promise<Diagnostic[]>;
    change(uri: string, text: string): Promise<Diagnostic[]>;
    sendChange(uri: string, text: string): Promise<number>;
    sendEdit(uri: string, range: Range, text: string): Promise<number>;
    close(uri: string): Promise<void>;
    nextDiagnostics(uri: string, timeoutMs?: number): Promise<Diagnostic[]>;
    completion(uri: string, position: Position, timeoutMs?: number): Promise<CompletionList | CompletionItem[] | null>;
    hover(uri: string, position: Position, timeoutMs?: number): Promise<Hover | null>;
    request<R>(method: string, params: unknown, timeoutMs?: number): Promise<R>;
    shutdown(timeoutMs?: number): Promise<number | null | undefined>;
    kill(): void;
}
