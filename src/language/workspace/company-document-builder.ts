import {
    Cancellation, DefaultDocumentBuilder, DocumentState, UriUtils,
    type BuildOptions, type LangiumDocument, type LangiumSharedCoreServices, type URI
} from 'langium';
import { factsOf, FactFootprint, hostingMode } from '../validation/workspace-facts.js';

/**
 * Keeps the cross-file uniqueness errors fresh. Langium re-validates a document only when it is
 * changed or relinked, but `company acme` in a.company makes b.company wrong without b referring
 * to a at all. So every build notes what its documents declare (before the change and after
 * parsing), and then re-validates each other document that declares any of the same names,
 * domains, public addresses or overlapping networks. Unrelated documents are left alone, so an
 * edit costs one extra validation per document that shares a fact with it, not a workspace rebuild.
 *
 * Hosting is decided for the whole workspace too: while it has one server and no `hosts` line,
 * that server hosts every company, so an edit to any company re-validates the server's document;
 * and when that changes (a second server, a first `hosts` line), every document with a company
 * or a server is validated again.
 */
export class CompanyDocumentBuilder extends DefaultDocumentBuilder {
    /** What the documents of the current build declared, before and after their change; kept over a cancelled build. */
    private readonly touched = new FactFootprint();
    /** `hostingMode` before the pending change; kept over a cancelled build like `touched`. */
    private hostingBefore: string | undefined;

    constructor(services: LangiumSharedCoreServices) {
        super(services);
        this.onDocumentPhase(DocumentState.Parsed, document => this.note(document));
    }

    override async update(changed: URI[], deleted: URI[], cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        // Before the change (or deletion) removes it: a duplicate that goes away must clear in the other file too.
        this.hostingBefore ??= hostingMode(this.langiumDocuments.all.toArray());
        const uris = [...changed, ...deleted];
        this.langiumDocuments.all
            .filter(doc => uris.some(uri => UriUtils.contains(uri, doc.uri)))
            .forEach(doc => this.note(doc));
        await super.update(changed, deleted, cancelToken);
    }

    protected override async buildDocuments(documents: LangiumDocument[], options: BuildOptions, cancelToken: Cancellation.CancellationToken): Promise<void> {
        await super.buildDocuments(documents, options, cancelToken);
        const hostingChanged = this.hostingChanged();
        if (this.touched.isEmpty && !hostingChanged) {
            return;
        }
        const built = new Set(documents.map(doc => doc.uri.toString()));
        const implicitHost = hostingChanged ? undefined : this.implicitHost(documents);
        const stale = this.langiumDocuments.all
            .filter(doc => doc.state === DocumentState.Validated && !built.has(doc.uri.toString()))
            .filter(doc => hostingChanged ? hasCompaniesOrServers(doc) : doc.uri.toString() === implicitHost || this.isTouched(doc))
            .toArray();
        this.touched.clear();
        if (stale.length > 0) {
            await this.revalidate(stale, cancelToken);
        }
    }

    /** Validate already linked documents again, with the options of an edit (every fast check). */
    private async revalidate(documents: LangiumDocument[], cancelToken: Cancellation.CancellationToken): Promise<void> {
        documents.forEach(doc => this.resetToState(doc, DocumentState.IndexedReferences));
        // Requests waiting for these documents must wait for this pass rather than see a finished workspace.
        this.currentState = DocumentState.IndexedReferences;
        await super.buildDocuments(documents, this.updateBuildOptions, cancelToken);
    }

    /** Whether the workspace's hosting mode differs from before the change; forgets the old mode. */
    private hostingChanged(): boolean {
        const before = this.hostingBefore;
        this.hostingBefore = undefined;
        return before !== undefined && before !== hostingMode(this.langiumDocuments.all.toArray());
    }

    /** The document of the server that hosts every company, when one of the built documents declares a company. */
    private implicitHost(built: readonly LangiumDocument[]): string | undefined {
        const mode = hostingMode(this.langiumDocuments.all.toArray());
        const companiesBuilt = built.some(doc => (factsOf(doc)?.spec.companies.length ?? 0) > 0);
        return mode !== 'explicit' && companiesBuilt ? mode : undefined;
    }

    private note(document: LangiumDocument): void {
        const facts = factsOf(document);
        if (facts) {
            this.touched.add(facts);
        }
    }

    private isTouched(document: LangiumDocument): boolean {
        const facts = factsOf(document);
        return facts !== undefined && this.touched.touches(facts);
    }
}

function hasCompaniesOrServers(document: LangiumDocument): boolean {
    const spec = factsOf(document)?.spec;
    return spec !== undefined && spec.companies.length + spec.servers.length > 0;
}
