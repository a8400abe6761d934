import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { Checks } from './runner.js';
import { openSpec, sleep, waitFor, workspaceUri } from './helpers.js';

/**
 * CompanyKit: Generate Infrastructure on acme.company, run as from the palette (no argument,
 * the active editor's spec). The command resolves to what it showed (its progress messages and
 * its summary) once the summary is dismissed, so the check dismisses notifications until then.
 */

const GENERATE = 'companykit.generateInfrastructure';

interface GenerateRun {
    readonly progress: readonly string[];
    readonly messages: readonly string[];
}

interface ManifestEntry {
    readonly host: string | null;
    readonly file: string;
}

/** Returns the VM host ids (`hv1.auth`…) of acme's manifest, for the diagram checks. */
export async function generateChecks(checks: Checks): Promise<string[]> {
    const outDir = workspaceUri('generated', 'acme');
    let manifest: ManifestEntry[] = [];

    await checks.check('CompanyKit: Generate Infrastructure is a palette command for .company files', async () => {
        const commands = await vscode.commands.getCommands(true);
        assert.ok(commands.includes(GENERATE), `${GENERATE} is not registered`);
        const contributed = vscode.extensions.getExtension('companykit.companykit')?.packageJSON?.contributes?.commands as Array<{ command: string, title: string }>;
        assert.equal(contributed.find(c => c.command === GENERATE)?.title, 'CompanyKit: Generate Infrastructure');
    });

    let run: GenerateRun | undefined;
    await checks.check('Generate Infrastructure writes generated/acme with its manifest', async () => {
        await openSpec('acme.company');
        const pending = Promise.resolve(vscode.commands.executeCommand<GenerateRun>(GENERATE));
        let settled = false;
        void pending.then(value => { run = value; settled = true; }, () => { settled = true; });
        const manifestUri = vscode.Uri.joinPath(outDir, 'manifest.json');
        await waitFor('generated/acme/manifest.json', () => Promise.resolve(vscode.workspace.fs.stat(manifestUri)).then(() => true, () => undefined), 90_000);
        // The summary waits for the user; closing every notification answers it with "no button".
        await waitFor('the command to finish after its summary', async () => {
            if (!settled) {
                await vscode.commands.executeCommand('notifications.clearAll');
                await sleep(200);
            }
            return settled ? true : undefined;
        }, 30_000);
        assert.ok(run, 'the command failed or returned nothing');
        manifest = (JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(manifestUri))) as { files: ManifestEntry[] }).files;
        assert.ok(manifest.length > 50, `only ${manifest.length} files in the manifest`);
        for (const file of ['README.md', 'hv1/etc/npf.conf', 'hv1/etc/rc.d/vm_mail', 'hv1.mail/etc/rc.conf', 'hv1.auth/etc/hosts']) {
            assert.ok(manifest.some(entry => entry.file === file), `${file} is not in the manifest`);
            const stat = await vscode.workspace.fs.stat(vscode.Uri.joinPath(outDir, file));
            assert.ok(stat.size > 0, `${file} is empty`);
        }
    });

    await checks.check('every file the manifest lists is on disk', async () => {
        assert.ok(manifest.length > 0, 'no manifest (the generation check failed)');
        const missing: string[] = [];
        for (const entry of manifest) {
            await vscode.workspace.fs.stat(vscode.Uri.joinPath(outDir, entry.file)).then(() => undefined, () => missing.push(entry.file));
        }
        assert.deepEqual(missing, []);
    });

    await checks.check('the generation showed progress and a summary naming the files and hosts', async () => {
        assert.ok(run, 'the command returned nothing');
        assert.ok(run.progress.length >= 2, `progress: ${JSON.stringify(run.progress)}`);
        assert.equal(run.progress[0], 'reading the spec');
        const hosts = new Set(manifest.map(e => e.host).filter(h => h !== null)).size;
        assert.equal(hosts, 10, 'acme has the hypervisor and 9 VMs');
        assert.equal(run.messages.length, 1, JSON.stringify(run.messages));
        assert.match(run.messages[0], new RegExp(`^Generated \\d+ files for ${hosts} hosts in .*generated/acme \\(\\d+ written, 0 unchanged, 0 removed\\)$`));
    });

    return [...new Set(manifest.map(e => e.host).filter((h): h is string => h !== null && h.includes('.')))];
}
