import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { DIAGRAM_REQUEST, type DiagramResult } from '../language/lsp/diagram-protocol.js';
import { diagramHtml } from './diagram-html.js';
import { diagramBanner, initialDiagramState, nextDiagramState, type DiagramState, type DiagramStatus } from './diagram-state.js';

/**
 * The webview panel showing a spec's infrastructure diagram. The language server draws it (the
 * same SVG generation writes as diagram.svg); the panel asks again, debounced, whenever any
 * .company document changes or is saved (a spec's picture can depend on other files: a company
 * declared elsewhere), and follows the editor when another spec becomes the active one.
 */

export const DIAGRAM_VIEW_TYPE = 'companykit.diagram';
const DEBOUNCE_MS = 400;

/** What the panel holds: for the in-host tests (through `companykit.diagramSnapshot`) and the command's result. */
export interface DiagramSnapshot {
    /** The spec shown. */
    readonly uri: string;
    readonly status: DiagramStatus;
    /** The last picture drawn without errors (shown, greyed when out of date), if any. */
    readonly svg?: string;
    /** Host ids (`server.vm`) of the VMs in that picture. */
    readonly vms: readonly string[];
    /** The banner's lines: errors as `file:line:col: message`, or why drawing failed. */
    readonly messages: readonly string[];
    /** The page the webview holds now. */
    readonly html: string;
    readonly visible: boolean;
}

export class DiagramPanel implements vscode.Disposable {
    private readonly panel: vscode.WebviewPanel;
    private readonly listeners: vscode.Disposable[] = [];
    private state: DiagramState = initialDiagramState;
    private html = '';
    private timer: NodeJS.Timeout | undefined;
    private ticket = 0;
    private disposed = false;
    /**
     * One per panel: it only lets our own stylesheet in (no script may run at all), and a stable
     * page lets an unchanged answer leave the webview alone (no reload, scroll position kept).
     */
    private readonly nonce = randomBytes(16).toString('base64');

    constructor(private readonly client: () => LanguageClient | undefined, private spec: vscode.Uri, onDispose: () => void) {
        this.panel = vscode.window.createWebviewPanel(DIAGRAM_VIEW_TYPE, titleOf(spec), { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
            enableScripts: false, enableCommandUris: false, enableFindWidget: true, retainContextWhenHidden: false, localResourceRoots: []
        });
        this.panel.onDidDispose(() => {
            this.disposeListeners();
            onDispose();
        });
        const isSpec = (document: vscode.TextDocument) => document.languageId === 'company';
        this.listeners.push(
            vscode.workspace.onDidChangeTextDocument(event => isSpec(event.document) && event.contentChanges.length > 0 && this.schedule()),
            vscode.workspace.onDidSaveTextDocument(document => isSpec(document) && this.schedule()),
            vscode.window.onDidChangeActiveTextEditor(editor => {
                if (editor && isSpec(editor.document) && editor.document.uri.toString() !== this.spec.toString()) {
                    this.follow(editor.document.uri, false);
                    this.schedule();
                }
            })
        );
        this.render();
    }

    /** Show `spec` (a different one starts without a picture: the old one was of another spec). */
    follow(spec: vscode.Uri, reveal: boolean): void {
        if (spec.toString() !== this.spec.toString()) {
            this.spec = spec;
            this.state = initialDiagramState;
            this.panel.title = titleOf(spec);
            this.render();
        }
        if (reveal) {
            this.panel.reveal(undefined, true);
        }
    }

    /** Ask the server and show its answer; an answer overtaken by a newer request is dropped. */
    async refresh(): Promise<void> {
        clearTimeout(this.timer);
        const ticket = ++this.ticket;
        const spec = this.spec;
        const result = await this.request(spec);
        if (this.disposed || ticket !== this.ticket) {
            return;
        }
        this.state = nextDiagramState(this.state, result, uri => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)));
        this.render();
    }

    snapshot(): DiagramSnapshot {
        return {
            uri: this.spec.toString(), status: this.state.status, vms: this.state.drawn?.vms ?? [], messages: this.state.messages,
            html: this.html, visible: this.panel.visible, ...(this.state.drawn ? { svg: this.state.drawn.svg } : {})
        };
    }

    dispose(): void {
        this.panel.dispose();
    }

    private schedule(): void {
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
    }

    private async request(spec: vscode.Uri): Promise<DiagramResult> {
        const client = this.client();
        if (!client) {
            return { status: 'failed', message: 'The CompanyKit language server is not running.' };
        }
        try {
            return await client.sendRequest<DiagramResult>(DIAGRAM_REQUEST, { uri: spec.toString() });
        } catch (error) {
            return { status: 'failed', message: `The diagram could not be drawn: ${error instanceof Error ? error.message : String(error)}` };
        }
    }

    private render(): void {
        const name = path.basename(this.spec.path);
        const banner = diagramBanner(this.state, name);
        const html = diagramHtml({
            nonce: this.nonce, title: titleOf(this.spec),
            ...(this.state.drawn ? { svg: this.state.drawn.svg } : {}), ...(banner ? { banner } : {})
        });
        if (html !== this.html) {
            this.html = html;
            this.panel.webview.html = html;
        }
    }

    private disposeListeners(): void {
        this.disposed = true;
        clearTimeout(this.timer);
        this.listeners.splice(0).forEach(listener => listener.dispose());
    }
}

function titleOf(spec: vscode.Uri): string {
    return `Diagram: ${path.basename(spec.path)}`;
}
