import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import { createConnection } from 'vscode-languageserver/node';
import { createCompanyDslServices } from '../../src/language/company-dsl-module.js';
import { registerDiagramRequest } from '../../src/language/lsp/diagram-request.js';

/**
 * The language server as src/language/main.ts assembles it (services, the diagram request, Langium's
 * startLanguageServer), in this process, over a pair of in-memory pipes; and a client connection on
 * the other end that initializes it with `workspace` as its folder. Message readers rather than raw
 * streams: given streams, vscode-languageserver exits the process when they end.
 */
export interface InProcessServer {
    readonly client: ProtocolConnection;
    dispose(): void;
}

export async function startInProcessServer(workspace: string): Promise<InProcessServer> {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const { shared } = createCompanyDslServices({ connection, ...NodeFileSystem });
    registerDiagramRequest(connection, shared);
    startLanguageServer(shared);
    const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    client.listen();
    const uri = pathToFileURL(workspace).toString();
    await client.sendRequest('initialize', { processId: null, rootUri: uri, capabilities: {}, workspaceFolders: [{ uri, name: 'workspace' }] });
    await client.sendNotification('initialized', {});
    return {
        client,
        dispose() {
            client.dispose();
            connection.dispose();
        }
    };
}
