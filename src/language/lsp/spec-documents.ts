import { AstUtils, DocumentState, isMultiReference, type LangiumDocument, type URI, type LangiumSharedCoreServices } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { isSpec, type Spec } from '../generated/ast.js';
import { hostedCompanies } from '../semantics/hosting.js';

/**
 * The documents a generation of one spec needs, taken from the language server's workspace:
 * the spec's own, the documents of the companies its servers host, and, transitively, every
 * document one of them refers to (`ldap from` a VM declared elsewhere). Each one validated.
 */

/**
 * Run `use` on the spec's documents once every one of them is validated, under the workspace's
 * read lock so that no edit relinks them half-way. A document the editor never opened (the
 * workspace's initial load links but does not validate) is validated first, under the write lock.
 */
export async function withSpecDocuments<T>(
    shared: LangiumSharedCoreServices,
    uri: URI,
    use: (documents: LangiumDocument[]) => Promise<T>,
    cancelToken: CancellationToken
): Promise<T> {
    const { WorkspaceManager, WorkspaceLock } = shared.workspace;
    await WorkspaceManager.ready;
    // An edit arriving between the two steps cancels the build; a few tries then catch up with it.
    for (let attempt = 0; attempt < 5; attempt++) {
        const outcome = await WorkspaceLock.read(async () => {
            const documents = readyDocuments(shared, uri);
            return documents ? { value: await use(documents) } : undefined;
        });
        if (outcome) {
            return outcome.value;
        }
        if (cancelToken.isCancellationRequested) {
            break;
        }
        await WorkspaceLock.write(token => prepareDocuments(shared, uri, token));
    }
    throw new Error('the spec kept changing while it was being prepared; generate again');
}

/** The needed documents if all are validated, else undefined. */
function readyDocuments(shared: LangiumSharedCoreServices, uri: URI): LangiumDocument[] | undefined {
    const spec = shared.workspace.LangiumDocuments.getDocument(uri);
    if (!spec || spec.state < DocumentState.Linked) {
        return undefined;
    }
    const documents = neededDocuments(spec, allSpecs(shared));
    return documents.every(doc => doc.state >= DocumentState.Validated) ? documents : undefined;
}

/** Load the spec if the server does not know it yet, and validate what is needed. */
async function prepareDocuments(shared: LangiumSharedCoreServices, uri: URI, token: CancellationToken): Promise<void> {
    const { LangiumDocuments, DocumentBuilder } = shared.workspace;
    const spec = await LangiumDocuments.getOrCreateDocument(uri, token);
    if (spec.state < DocumentState.Linked) {
        await DocumentBuilder.build([spec], { validation: true }, token);
    }
    const stale = neededDocuments(spec, allSpecs(shared)).filter(doc => doc.state < DocumentState.Validated);
    if (stale.length > 0) {
        await DocumentBuilder.build(stale, { validation: true }, token);
    }
}

function allSpecs(shared: LangiumSharedCoreServices): Spec[] {
    return shared.workspace.LangiumDocuments.all.map(doc => doc.parseResult.value).filter(isSpec).toArray();
}

/**
 * The spec's document first, then the others in the order they are reached. Hosting is worked
 * out over the whole workspace, as the editor's own checks do (one server and no `hosts` line
 * hosts every company of every file).
 */
export function neededDocuments(spec: LangiumDocument, workspaceSpecs: readonly Spec[]): LangiumDocument[] {
    const needed = new Map<string, LangiumDocument>([[spec.uri.toString(), spec]]);
    const queue = [spec];
    const reach = (document: LangiumDocument) => {
        if (!needed.has(document.uri.toString())) {
            needed.set(document.uri.toString(), document);
            queue.push(document);
        }
    };
    for (let document = queue.shift(); document; document = queue.shift()) {
        const root = document.parseResult.value;
        if (isSpec(root)) {
            root.servers.flatMap(server => hostedCompanies(server, workspaceSpecs)).forEach(company => reach(AstUtils.getDocument(company)));
        }
        for (const reference of document.references) {
            const targets = isMultiReference(reference) ? reference.items.map(item => item.ref) : [reference.ref];
            targets.filter(target => target !== undefined).forEach(target => reach(AstUtils.getDocument(target)));
        }
    }
    return [...needed.values()];
}
