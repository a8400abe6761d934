import { URI, type LangiumSharedCoreServices } from 'langium';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { renderDiagramSvg } from '../../diagram/diagram.js';
import { specErrors } from '../../generator/generate-spec.js';
import { resolveInfrastructure } from '../../model/resolve.js';
import { SecretStore } from '../../model/secrets.js';
import { isSpec, type Spec } from '../generated/ast.js';
import { DIAGRAM_REQUEST, type DiagramParams, type DiagramResult } from './diagram-protocol.js';
import { withSpecDocuments } from './spec-documents.js';

/**
 * `companykit/diagram`: the picture of the spec as the editor holds it (saved or not), from the
 * same documents and the same model stage as generation, so it is the diagram.svg that
 * generating now would write. A spec with errors answers with its errors; the panel decides what
 * to show. Faults come back as `failed`: a drawing bug must not take the language support down.
 */
export function registerDiagramRequest(connection: Connection, shared: LangiumSharedCoreServices): void {
    connection.onRequest(DIAGRAM_REQUEST, (params: DiagramParams, cancelToken: CancellationToken) => handleDiagram(shared, params, cancelToken));
}

const LISTED_ERRORS = 50;

/**
 * The model asks for secrets (DKIM keys, passwords) while it resolves, though the diagram shows
 * none. This store is never read from nor written to disk: the secrets file beside the spec is
 * left alone, and its values never pass through this path. Kept for the server's life so the RSA
 * keys it makes are made once per company rather than on every keystroke.
 */
const throwawaySecrets = new SecretStore();

export async function handleDiagram(shared: LangiumSharedCoreServices, params: DiagramParams, cancelToken: CancellationToken): Promise<DiagramResult> {
    if (typeof params?.uri !== 'string') {
        return { status: 'failed', message: 'The request names no spec (uri is missing).' };
    }
    try {
        return await withSpecDocuments(shared, URI.parse(params.uri), async (documents) => {
            const errors = specErrors(documents);
            if (errors.length > 0) {
                return {
                    status: 'spec-errors', errorCount: errors.length,
                    errors: errors.slice(0, LISTED_ERRORS).map(e => ({
                        uri: documents.find(d => d.uri.fsPath === e.file)?.uri.toString() ?? URI.file(e.file).toString(),
                        line: e.line - 1, character: e.column - 1, message: e.message
                    }))
                };
            }
            const specs = documents.map(d => d.parseResult.value).filter((root): root is Spec => isSpec(root));
            const infra = resolveInfrastructure(specs, throwawaySecrets);
            return { status: 'ok', svg: renderDiagramSvg(infra), vms: infra.servers.flatMap(s => s.vms.map(vm => vm.host)) };
        }, cancelToken);
    } catch (error) {
        return { status: 'failed', message: `The diagram could not be drawn: ${error instanceof Error ? error.message : String(error)}` };
    }
}
