import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LspStdioClient } from '../../scripts/lsp-stdio-client.mjs';
import { DIAGRAM_REQUEST, type DiagramResult } from '../../src/language/lsp/diagram-protocol.js';
import { ensureBundlesBuilt } from '../support/bundles.js';
import { acmeText, docUri, startServer } from '../protocol/server-harness.js';

/**
 * The same request against the BUILT server bundle (out/language/main.cjs) over stdio, as the
 * extension sends it: proves the layout library works inside the esbuild CommonJS bundle on Node 24.
 */
describe('companykit/diagram in the bundled server', () => {
    let server: LspStdioClient;

    beforeAll(async () => {
        await ensureBundlesBuilt();
        server = await startServer();
    }, 120_000);

    afterAll(() => server?.kill());

    it('draws an open, unsaved spec with every VM', async () => {
        const uri = docUri('diagram-bundle');
        await server.open(uri, acmeText);
        const result = await server.request<DiagramResult>(DIAGRAM_REQUEST, { uri }, 30_000);
        expect(result.status).toBe('ok');
        if (result.status === 'ok') {
            expect(result.vms).toHaveLength(9);
            result.vms.forEach(host => expect(result.svg).toContain(`data-vm="${host}"`));
            expect(result.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
        }
    });
});
