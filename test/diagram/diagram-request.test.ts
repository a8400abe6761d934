import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIAGRAM_REQUEST, type DiagramParams, type DiagramResult } from '../../src/language/lsp/diagram-protocol.js';
import { examplePath, generateExample } from '../support/generation.js';
import { startInProcessServer, type InProcessServer } from './in-process-server.js';
import { parseSvg } from './svg-parse.js';

/**
 * `companykit/diagram` answered by the language server assembled as in src/language/main.ts, in
 * process, over LSP messages: from the file on disk, from an editor's unsaved text, and for a spec
 * with errors (the errors, not a picture).
 */

const ACME_VMS = ['hv1.auth', 'hv1.cloud', 'hv1.meet', 'hv1.mx', 'hv1.mail', 'hv1.webmail', 'hv1.git', 'hv1.rproxy', 'hv1.www'];

describe('companykit/diagram (in-process server)', () => {
    let dir: string;
    let server: InProcessServer;
    let uri: string;
    const acmeText = readFileSync(examplePath('acme'), 'utf-8');
    const diagram = (params: DiagramParams) => server.client.sendRequest<DiagramResult>(DIAGRAM_REQUEST, params);

    beforeAll(async () => {
        dir = mkdtempSync(join(tmpdir(), 'companykit-diagram-'));
        const spec = join(dir, 'acme.company');
        copyFileSync(examplePath('acme'), spec);
        uri = pathToFileURL(spec).toString();
        server = await startInProcessServer(dir);
    }, 30_000);

    afterAll(() => {
        server?.dispose();
        rmSync(dir, { recursive: true, force: true });
    });

    it('draws a valid spec from disk: every VM, and the very SVG generation writes as diagram.svg', async () => {
        const result = await diagram({ uri });
        expect(result.status).toBe('ok');
        if (result.status !== 'ok') {
            return;
        }
        expect(result.vms).toEqual(ACME_VMS);
        const parsed = parseSvg(result.svg);
        expect(parsed.errors).toEqual([]);
        expect(parsed.elements.map(e => e.attributes['data-vm']).filter(Boolean)).toEqual(ACME_VMS);
        const written = (await generateExample('acme')).find(f => f.path === 'diagram.svg')!;
        expect(result.svg).toBe(written.content);
    });

    it('follows the editor: an unsaved edit is drawn', async () => {
        await server.client.sendNotification('textDocument/didOpen', {
            textDocument: { uri, languageId: 'company', version: 1, text: acmeText.replace('vm meet ', 'vm confs ') }
        });
        const result = await diagram({ uri });
        expect(result.status).toBe('ok');
        expect(result.status === 'ok' && result.vms).toContain('hv1.confs');
        expect(result.status === 'ok' && result.svg).toContain('data-vm="hv1.confs"');
    });

    it('answers a spec with errors with those errors, on their lines', async () => {
        const broken = acmeText.replace('alias dev -> developers', 'alias dev -> develoopers');
        await server.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: broken }] });
        const result = await diagram({ uri });
        expect(result.status).toBe('spec-errors');
        if (result.status !== 'spec-errors') {
            return;
        }
        expect(result.errorCount).toBeGreaterThan(0);
        const typo = result.errors.find(e => e.message.includes('develoopers'));
        expect(typo).toMatchObject({ uri, line: broken.slice(0, broken.indexOf('develoopers')).split('\n').length - 1 });
        expect(JSON.stringify(result)).not.toContain('<svg');
    });

    it('recovers once the spec is fixed again', async () => {
        await server.client.sendNotification('textDocument/didChange', { textDocument: { uri, version: 3 }, contentChanges: [{ text: acmeText }] });
        const result = await diagram({ uri });
        expect(result.status === 'ok' && result.vms).toEqual(ACME_VMS);
    });

    it('a request naming no spec fails with a reason, and the server keeps answering', async () => {
        const result = await diagram({} as DiagramParams);
        expect(result).toEqual({ status: 'failed', message: expect.stringContaining('uri is missing') });
        expect((await diagram({ uri })).status).toBe('ok');
    });
});
