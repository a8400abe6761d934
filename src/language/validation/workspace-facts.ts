import { AstUtils, DocumentState, UriUtils, type AstNode, type LangiumDocument, type LangiumDocuments } from 'langium';
import {
    isDomainSetting, isGuestNetwork, isHostedCompanies, isSpec,
    type Company, type DomainSetting, type GuestNetwork, type HostedCompanies, type PublicAddress, type PublicIpv6, type Server,
    type Spec
} from '../generated/ast.js';
import { hostsAllImplicitly } from '../semantics/hosting.js';
import { networksOverlap, type Ipv4Network } from '../semantics/ipv4.js';
import { firstMember, publicAddressKeys, usableNetwork } from '../semantics/server-facts.js';
import { lineOf } from './report.js';

/**
 * The declarations that must be unique in the whole workspace (every loaded .company file forms one
 * spec): company names and domains, server names, public addresses, guest networks and `hosts`
 * entries. Only top-level facts are read, never a deep traversal, so that looking at every other
 * document on each validation stays cheap; facts are cached per parse (the root node).
 */

/** A declaration with the key it must not share with another one, and the company or server it belongs to. */
export interface Declaration<N extends AstNode = AstNode> {
    readonly key: string;
    readonly node: N;
    readonly owner: Company | Server;
}

export interface HostingDeclaration extends Declaration<HostedCompanies> {
    /** Which reference of the `hosts` line. */
    readonly index: number;
}

export interface NetworkDeclaration {
    readonly net: Ipv4Network;
    /** The `network` line, or the server itself when it uses the default network. */
    readonly node: GuestNetwork | Server;
    readonly owner: Server;
}

export interface TopLevelFacts {
    /** The document's root, for rules that read the whole workspace spec (hosting). */
    readonly spec: Spec;
    readonly companies: ReadonlyArray<Declaration<Company>>;
    readonly domains: ReadonlyArray<Declaration<DomainSetting>>;
    readonly servers: ReadonlyArray<Declaration<Server>>;
    /** Keys are `ipv4:<number>` and `ipv6:<normalized address>`, so both kinds share one list. */
    readonly publicAddresses: ReadonlyArray<Declaration<PublicAddress | PublicIpv6>>;
    readonly hosted: readonly HostingDeclaration[];
    readonly networks: readonly NetworkDeclaration[];
}

export type KeyedKind = 'companies' | 'domains' | 'servers' | 'publicAddresses' | 'hosted';

const KEYED_KINDS: readonly KeyedKind[] = ['companies', 'domains', 'servers', 'publicAddresses', 'hosted'];

const cache = new WeakMap<Spec, TopLevelFacts>();

/** The facts of a parsed document; undefined while it is not parsed (or not a spec). */
export function factsOf(document: LangiumDocument): TopLevelFacts | undefined {
    const root = document.parseResult?.value;
    if (document.state < DocumentState.Parsed || !isSpec(root)) {
        return undefined;
    }
    let facts = cache.get(root);
    if (!facts) {
        facts = collectFacts(root);
        cache.set(root, facts);
    }
    return facts;
}

function collectFacts(spec: Spec): TopLevelFacts {
    const named = spec.companies.filter(c => typeof c.name === 'string');
    const servers = spec.servers.filter(s => typeof s.name === 'string');
    return {
        spec,
        companies: named.map(company => ({ key: company.name, node: company, owner: company })),
        domains: named.flatMap(company => company.members.filter(isDomainSetting)
            .filter(d => typeof d.domain === 'string')
            .map(setting => ({ key: setting.domain.toLowerCase(), node: setting, owner: company }))),
        servers: servers.map(server => ({ key: server.name, node: server, owner: server })),
        publicAddresses: servers.flatMap(server => publicAddressKeys(server).map(a => ({ ...a, owner: server }))),
        hosted: servers.flatMap(server => server.members.filter(isHostedCompanies).flatMap(hosts =>
            hosts.companies.map((ref, index) => ({ key: ref.$refText, node: hosts, owner: server, index }))
                .filter(h => h.key))),
        networks: servers.flatMap(networkOf)
    };
}

function networkOf(server: Server): NetworkDeclaration[] {
    const net = usableNetwork(server);
    return net ? [{ net, node: firstMember(server, isGuestNetwork) ?? server, owner: server }] : [];
}

/**
 * How the workspace decides hosting: the URI of the document whose server hosts every company
 * (the whole workspace has one server and no `hosts` line), else `explicit`. When it changes,
 * every company's hosting and that server's placement change with it.
 */
export function hostingMode(documents: readonly LangiumDocument[]): string {
    const parsed = documents.map(doc => ({ doc, facts: factsOf(doc) })).filter(d => d.facts !== undefined);
    if (!hostsAllImplicitly(parsed.map(d => d.facts!.spec))) {
        return 'explicit';
    }
    return parsed.find(d => d.facts!.spec.servers.length > 0)!.doc.uri.toString();
}

/** The declarations of a list whose key no earlier one has: later ones are reported inside their document. */
export function firstOfEachKey<D extends Declaration>(declarations: readonly D[]): D[] {
    const seen = new Set<string>();
    return declarations.filter(d => !seen.has(d.key) && seen.add(d.key));
}

/** `other.company:3`: where a node stands, as seen from the document being validated. */
export function locationOf(from: LangiumDocument, node: AstNode): string {
    const uri = AstUtils.getDocument(node).uri;
    return `${UriUtils.relative(UriUtils.dirname(from.uri), uri)}:${lineOf(node)}`;
}

/** The facts of the other loaded documents, read when a document is validated. */
export class WorkspaceFacts {
    constructor(private readonly documents: () => LangiumDocuments) {}

    /** Facts of every other parsed document, in URI order so that messages do not depend on load order. */
    others(document: LangiumDocument): TopLevelFacts[] {
        const own = document.uri.toString();
        return this.documents().all
            .filter(doc => doc.uri.toString() !== own)
            .toArray()
            .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString()))
            .map(factsOf)
            .filter(facts => facts !== undefined);
    }

    /** The specs of every parsed document, this one first: together they form the workspace's one spec. */
    specs(document: LangiumDocument): Spec[] {
        const own = factsOf(document);
        return [...own ? [own.spec] : [], ...this.others(document).map(facts => facts.spec)];
    }

    /** The first declaration of each key in the given facts. */
    static byKey<K extends KeyedKind>(others: readonly TopLevelFacts[], kind: K): Map<string, TopLevelFacts[K][number]> {
        const result = new Map<string, TopLevelFacts[K][number]>();
        for (const declaration of others.flatMap(facts => facts[kind] as ReadonlyArray<TopLevelFacts[K][number]>)) {
            if (!result.has(declaration.key)) {
                result.set(declaration.key, declaration);
            }
        }
        return result;
    }
}

/**
 * What a set of documents declares, as keys and networks: the document builder collects it from the
 * documents an edit touches and re-validates every other document that shares any of it.
 */
export class FactFootprint {
    private readonly keys = new Set<string>();
    private readonly networks: Ipv4Network[] = [];

    get isEmpty(): boolean {
        return this.keys.size === 0 && this.networks.length === 0;
    }

    add(facts: TopLevelFacts): void {
        for (const kind of KEYED_KINDS) {
            facts[kind].forEach(d => this.keys.add(`${kind}:${d.key}`));
        }
        // `hosts acme` decides whether the document declaring acme reports it as not hosted.
        facts.hosted.forEach(d => this.keys.add(`companies:${d.key}`));
        this.networks.push(...facts.networks.map(n => n.net));
    }

    touches(facts: TopLevelFacts): boolean {
        return KEYED_KINDS.some(kind => facts[kind].some(d => this.keys.has(`${kind}:${d.key}`)))
            || facts.networks.some(n => this.networks.some(net => networksOverlap(net, n.net)));
    }

    clear(): void {
        this.keys.clear();
        this.networks.length = 0;
    }
}
