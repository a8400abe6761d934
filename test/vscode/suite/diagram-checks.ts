import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Checks } from './runner.js';
import { openSpec, waitFor, workspaceUri } from './helpers.js';

/**
 * CompanyKit: Show Infrastructure Diagram. The webview's page cannot be read from an extension,
 * so the command's result and `companykit.diagramSnapshot` report what the panel holds; the
 * code-server runner also looks into the webview's frame in the page (see `checks.page`).
 */

const SHOW_DIAGRAM = 'companykit.showDiagram';
const SNAPSHOT = 'companykit.diagramSnapshot';
const VIEW_TYPE = 'companykit.diagram';

interface DiagramSnapshot {
    readonly uri: string;
    readonly status: string;
    readonly svg?: string;
    readonly vms: readonly string[];
    readonly html: string;
    readonly visible: boolean;
}

/** `acmeVms`: the VM host ids (`hv1.auth`…) the generation wrote, the truth the picture must match. */
export async function diagramChecks(checks: Checks, acmeVms: readonly string[]): Promise<void> {
    await checks.check('Show Infrastructure Diagram opens a webview with an SVG of every VM', async () => {
        assert.ok(acmeVms.length >= 9, `expected acme's VMs from the generation, got ${JSON.stringify(acmeVms)}`);
        const editor = await openSpec('acme.company');
        const snapshot = await vscode.commands.executeCommand<DiagramSnapshot | undefined>(SHOW_DIAGRAM);
        assert.ok(snapshot, `${SHOW_DIAGRAM} returned nothing`);
        assert.equal(snapshot.uri, editor.document.uri.toString());
        assert.ok(snapshot.svg?.startsWith('<svg') || snapshot.svg?.includes('<svg '), 'the snapshot holds no SVG');
        assert.deepEqual([...snapshot.vms].sort(), [...acmeVms].sort());
        for (const vm of acmeVms) {
            const name = vm.split('.').pop()!;
            assert.ok(snapshot.svg!.includes(`>${name}<`) || snapshot.svg!.includes(vm), `VM ${vm} is not drawn`);
        }
        assert.ok(snapshot.html.includes('<svg'), 'the webview page does not hold the SVG');
        // The tab model reaches the extension host a moment after the panel is created.
        const tab = await waitFor(`a webview tab of type ${VIEW_TYPE}`, () => vscode.window.tabGroups.all.flatMap(group => group.tabs)
            .find(t => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(VIEW_TYPE)), 10_000);
        assert.equal(tab.label, 'Diagram: acme.company');
        checks.page.diagram = { title: tab.label, vms: acmeVms.map(vm => vm.split('.').pop()) };
    });

    await checks.check('the diagram follows the active spec (two-servers.company: north and south VMs)', async () => {
        await openSpec('two-servers.company');
        const snapshot = await waitFor('the diagram of two-servers.company', async () => {
            const now = await vscode.commands.executeCommand<DiagramSnapshot | undefined>(SNAPSHOT);
            return now?.uri.endsWith('/two-servers.company') && now.vms.length > 0 ? now : undefined;
        }, 30_000);
        assert.ok(snapshot.vms.some(vm => vm.startsWith('north.')) && snapshot.vms.some(vm => vm.startsWith('south.')), JSON.stringify(snapshot.vms));
        assert.ok(!snapshot.vms.some(vm => vm.startsWith('hv1.')), 'acme\'s VMs are still drawn');
        // Back to acme so the page the runner inspects shows the picture checked above.
        await openSpec('acme.company');
        await waitFor('the diagram of acme.company again', async () => {
            const now = await vscode.commands.executeCommand<DiagramSnapshot | undefined>(SNAPSHOT);
            return now?.uri.endsWith('/acme.company') && now.vms.length === acmeVms.length ? now : undefined;
        }, 30_000);
    });

    await checks.check('the generation wrote the same picture as diagram.svg, with every VM', async () => {
        const svg = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri('generated', 'acme', 'diagram.svg')));
        assert.ok(svg.includes('<svg'), 'diagram.svg is not an SVG');
        for (const vm of acmeVms) {
            const name = vm.split('.').pop()!;
            assert.ok(svg.includes(`>${name}<`) || svg.includes(vm), `VM ${vm} is not in diagram.svg`);
        }
    });
}
