import { beforeEach, describe, expect, it, vi } from 'vitest';

/**
 * The status bar item with VS Code replaced by a recorder (the in-host suite checks the real
 * one in code-server's page): what it says for the active spec, when it hides, what a click runs.
 */

const state = vi.hoisted(() => ({
    active: undefined as undefined | { languageId: string, uri: { toString: () => string } },
    diagnostics: [] as Array<{ severity: number }>,
    item: { text: '', tooltip: '', visible: false, command: undefined as unknown, backgroundColor: undefined as unknown },
    onEditor: undefined as undefined | (() => void),
    onDiagnostics: undefined as undefined | ((event: { uris: Array<{ toString: () => string }> }) => void)
}));

vi.mock('vscode', () => ({
    StatusBarAlignment: { Left: 1 },
    DiagnosticSeverity: { Error: 0, Warning: 1 },
    ThemeColor: class { constructor(readonly id: string) {} },
    Disposable: { from: () => ({ dispose: () => undefined }) },
    window: {
        get activeTextEditor() { return state.active ? { document: state.active } : undefined; },
        createStatusBarItem: () => Object.assign(state.item, {
            show: () => { state.item.visible = true; }, hide: () => { state.item.visible = false; }
        }),
        onDidChangeActiveTextEditor: (listener: () => void) => { state.onEditor = listener; }
    },
    languages: {
        getDiagnostics: () => state.diagnostics,
        onDidChangeDiagnostics: (listener: typeof state.onDiagnostics) => { state.onDiagnostics = listener; }
    }
}));
vi.mock('vscode-languageclient/node', () => ({ WorkDoneProgress: { type: {} } }));

const { registerStatusBar, statusOf } = await import('../../src/extension/status-bar.js');

const spec = (name: string) => ({ languageId: 'company', uri: { toString: () => `file:///ws/${name}` } });

beforeEach(() => {
    state.active = undefined;
    state.diagnostics = [];
    state.item.visible = false;
});

describe('status bar', () => {
    it('says valid, 1 error or n errors', () => {
        expect(statusOf(0).text).toBe('$(check) CompanyKit: valid');
        expect(statusOf(1).text).toBe('$(error) CompanyKit: 1 error');
        expect(statusOf(3).text).toBe('$(error) CompanyKit: 3 errors');
    });

    it('counts the active spec\'s errors only (not warnings) and generates it on click', () => {
        state.active = spec('acme.company');
        state.diagnostics = [{ severity: 0 }, { severity: 1 }, { severity: 0 }];
        registerStatusBar();
        expect(state.item).toMatchObject({ text: '$(error) CompanyKit: 2 errors', visible: true });
        expect(state.item.command).toEqual({ title: 'Generate Infrastructure', command: 'companykit.generateInfrastructure', arguments: [state.active.uri] });
    });

    it('follows new diagnostics of the active spec and hides for other editors', () => {
        state.active = spec('acme.company');
        state.diagnostics = [{ severity: 0 }];
        registerStatusBar();
        state.diagnostics = [];
        state.onDiagnostics!({ uris: [{ toString: () => 'file:///ws/other.company' }] });
        expect(state.item.text).toBe('$(error) CompanyKit: 1 error');
        state.onDiagnostics!({ uris: [state.active.uri] });
        expect(state.item.text).toBe('$(check) CompanyKit: valid');
        state.active = { languageId: 'markdown', uri: { toString: () => 'file:///ws/README.md' } };
        state.onEditor!();
        expect(state.item.visible).toBe(false);
    });
});
