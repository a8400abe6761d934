import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createCompanyDslServices } from './company-dsl-module.js';
import { registerDiagramRequest } from './lsp/diagram-request.js';
import { registerGenerateRequest } from './lsp/generate-request.js';

// Transport (IPC from VS Code, or --stdio from other editors and tests) is chosen by the
// command-line arguments, which createConnection reads.
const connection = createConnection(ProposedFeatures.all);
const { shared } = createCompanyDslServices({ connection, ...NodeFileSystem });
registerGenerateRequest(connection, shared);
registerDiagramRequest(connection, shared);
startLanguageServer(shared);
