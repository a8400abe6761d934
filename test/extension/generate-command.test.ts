import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The command's flow with VS Code and the language client replaced by recorders (the in-host
 * suite comes later): what it refuses, what it sends, and which message and button it shows.
 */

const state = vi.hoisted(() => ({
    calls: [] as string[],
    activeDocument: undefined as unknown,
    setting: '',
    choice: undefined as string | undefined,
    uiKind: 1,
    remoteName: undefined as string | undefined,
    progress: [] as Array<{ message?: string, increment?: number }>
}));

vi.mock('vscode', () => {
    const Uri = {
        file: (fsPath: string) => ({ scheme: 'file', fsPath, toString: () => `file://${fsPath}` })
    };
    const message = (kind: string) => async (text: string, ...items: unknown[]) => {
        const buttons = items.filter((i): i is string => typeof i === 'string');
        state.calls.push(`${kind}: ${text}${buttons.length ? ` [${buttons.join(', ')}]` : ''}`);
        return state.choice;
    };
    return {
        Uri,
        UIKind: { Desktop: 1, Web: 2 },
        ProgressLocation: { Notification: 15 },
        env: { get uiKind() { return state.uiKind; }, get remoteName() { return state.remoteName; } },
        window: {
            get activeTextEditor() { return state.activeDocument ? { document: state.activeDocument } : undefined; },
            showInformationMessage: message('info'),
            showErrorMessage: message('error'),
            withProgress: async (options: { title: string, cancellable: boolean }, task: (p: unknown) => Promise<unknown>) => {
                state.calls.push(`progress: ${options.title} (cancellable ${options.cancellable})`);
                return task({ report: (value: { message?: string, increment?: number }) => state.progress.push(value) });
            }
        },
        workspace: {
            textDocuments: [],
            asRelativePath: (uri: { fsPath: string }) => uri.fsPath,
            getConfiguration: () => ({ get: (key: string, fallback: unknown) => (key === 'outputFolder' ? state.setting : fallback) }),
            getWorkspaceFolder: () => undefined
        },
        commands: {
            registerCommand: (_id: string, run: (...args: unknown[]) => unknown) => ({ run, dispose: () => undefined }),
            executeCommand: async (id: string, arg?: { fsPath?: string }) => { state.calls.push(`command: ${id}${arg?.fsPath ? ` ${arg.fsPath}` : ''}`); }
        }
    };
});
vi.mock('vscode-languageclient/node', () => ({ WorkDoneProgress: { type: { kind: 'work-done' } } }));

const { registerGenerateCommand } = await import('../../src/extension/generate-command.js');

/** A language client that answers the request with `results` in turn and sends progress first. */
function fakeClient(...results: unknown[]) {
    const requests: Array<Record<string, unknown>> = [];
    const handlers = new Map<unknown, (value: unknown) => void>();
    const client = {
        requests,
        onProgress: (_type: unknown, token: unknown, handler: (value: unknown) => void) => {
            handlers.set(token, handler);
            return { dispose: () => handlers.delete(token) };
        },
        sendRequest: async (method: string, params: Record<string, unknown>) => {
            requests.push({ method, ...params });
            handlers.get(params.workDoneToken)?.({ kind: 'begin', title: 'Generating infrastructure', percentage: 0, message: 'reading the spec' });
            handlers.get(params.workDoneToken)?.({ kind: 'report', message: 'writing' });
            handlers.get(params.workDoneToken)?.({ kind: 'end' });
            return results.shift();
        }
    };
    return client;
}

function spec(overrides: Record<string, unknown> = {}) {
    return {
        languageId: 'company', isUntitled: false, isDirty: false,
        uri: { scheme: 'file', fsPath: '/ws/acme.company', toString: () => 'file:///ws/acme.company' },
        save: async () => { state.calls.push('save'); return true; },
        ...overrides
    };
}

async function runCommand(client: ReturnType<typeof fakeClient> | undefined): Promise<void> {
    const command = registerGenerateCommand(() => client as never) as unknown as { run: () => Promise<void> };
    await command.run();
}

const written = { status: 'written', outDir: '/ws/generated/acme', files: 57, hosts: 10, written: 57, unchanged: 0, removed: 0, bytes: 1 };

describe('CompanyKit: Generate Infrastructure', () => {
    beforeEach(() => {
        Object.assign(state, { calls: [], activeDocument: spec(), setting: '', choice: undefined, uiKind: 1, remoteName: undefined, progress: [] });
    });

    it('refuses an untitled spec without asking the server', async () => {
        state.activeDocument = spec({ isUntitled: true, uri: { scheme: 'untitled', fsPath: 'Untitled-1', toString: () => 'untitled:Untitled-1' } });
        const client = fakeClient();
        await runCommand(client);
        expect(client.requests).toEqual([]);
        expect(state.calls).toEqual(['error: Save the spec as a .company file first: generation reads it from disk and writes beside it.']);
    });

    it('saves a dirty spec, then sends its URI with a work-done token and relays the progress', async () => {
        state.activeDocument = spec({ isDirty: true });
        const client = fakeClient(written);
        await runCommand(client);
        expect(state.calls.slice(0, 2)).toEqual(['save', 'progress: CompanyKit: Generating infrastructure (cancellable false)']);
        expect(client.requests).toEqual([{ method: 'companykit/generate', uri: 'file:///ws/acme.company', outDir: undefined, platform: 'netbsd', workDoneToken: expect.any(String) }]);
        expect(state.progress.map(p => p.message)).toEqual(['reading the spec', 'writing']);
    });

    it('ends with the summary and reveals the folder in the OS on a local desktop', async () => {
        state.choice = 'Reveal in Explorer';
        await runCommand(fakeClient(written));
        expect(state.calls.slice(1)).toEqual([
            'info: Generated 57 files for 10 hosts in /ws/generated/acme (57 written, 0 unchanged, 0 removed) [Reveal in Explorer]',
            'command: revealFileInOS /ws/generated/acme'
        ]);
    });

    it('in code-server (a web UI) does not use revealFileInOS', async () => {
        state.uiKind = 2;
        state.choice = 'Open Folder';
        await runCommand(fakeClient(written));
        expect(state.calls.at(-1)).toBe('command: vscode.openFolder /ws/generated/acme');
    });

    it('sends the resolved output folder setting', async () => {
        state.setting = 'out';
        const client = fakeClient(written);
        await runCommand(client);
        expect(client.requests[0].outDir).toBe('/ws/out');
    });

    it('points to the Problems view when the spec has errors', async () => {
        state.choice = 'Show Problems';
        await runCommand(fakeClient({ status: 'spec-errors', errorCount: 2, errors: [] }));
        expect(state.calls.slice(1)).toEqual([
            'error: The spec has 2 errors: fix them first [Show Problems]',
            'command: workbench.actions.view.problems'
        ]);
    });

    it('shows a failure\'s message, and on Overwrite sends the request again with force', async () => {
        state.choice = 'Overwrite';
        const client = fakeClient({ status: 'failed', message: 'Nothing was written: x', overwritable: true }, written);
        await runCommand(client);
        expect(client.requests.map(r => r.force)).toEqual([undefined, true]);
        expect(state.calls).toContain('error: Nothing was written: x [Overwrite]');
    });

    it('resolves to what it showed, for the in-host suite: progress messages and the summary', async () => {
        const command = registerGenerateCommand(() => fakeClient(written) as never) as unknown as { run: () => Promise<unknown> };
        expect(await command.run()).toEqual({
            progress: ['reading the spec', 'writing'],
            messages: ['Generated 57 files for 10 hosts in /ws/generated/acme (57 written, 0 unchanged, 0 removed)']
        });
    });

    it('turns a dropped connection into a message', async () => {
        const client = fakeClient();
        client.sendRequest = async () => { throw new Error('Connection got disposed.'); };
        await runCommand(client);
        expect(state.calls.at(-1)).toBe('error: Generation failed: Connection got disposed.');
    });
});
