import { AstUtils, type LangiumDocument, type ValidationAcceptor, type ValidationCheck } from 'langium';
import type { Spec } from '../generated/ast.js';
import { CompanyCodes } from './company-codes.js';
import { ServerCodes } from './server-codes.js';
import { coded } from './report.js';
import { publicAddressKind } from './network-validator.js';
import { factsOf, firstOfEachKey, locationOf, WorkspaceFacts, type KeyedKind, type TopLevelFacts } from './workspace-facts.js';

/**
 * The uniqueness rules across files: every .company file of a workspace is part of one spec, so a
 * company, domain, server, public address or guest network declared in two files is the same
 * mistake as declaring it twice in one. Each side is reported, naming the other file and line;
 * repeats inside one document are left to the single-document rules, which already report them.
 * Overlapping guest networks are checked in `network-validator.ts` (one pass over the file and the
 * workspace, so that no two servers are told the same free network); hosting in `hosting-validator.ts`.
 */

/** What a cross-file rule sees: this document, its facts and those of every other loaded document. */
interface CrossFileContext {
    readonly document: LangiumDocument;
    readonly own: TopLevelFacts;
    readonly others: readonly TopLevelFacts[];
    readonly accept: ValidationAcceptor;
}

type CrossFileRule = (context: CrossFileContext) => void;

/** A `Spec` check running the given rules when the workspace holds other documents (none: nothing to do). */
function acrossFiles(workspace: WorkspaceFacts, rules: readonly CrossFileRule[]): ValidationCheck<Spec> {
    return (spec, accept) => {
        const document = AstUtils.getDocument(spec);
        const own = factsOf(document);
        const others = workspace.others(document);
        if (own && others.length > 0) {
            rules.forEach(rule => rule({ document, own, others, accept }));
        }
    };
}

export function checkCompaniesAcrossFiles(workspace: WorkspaceFacts): ValidationCheck<Spec> {
    return acrossFiles(workspace, [companyNames, companyDomains]);
}

export function checkServersAcrossFiles(workspace: WorkspaceFacts): ValidationCheck<Spec> {
    return acrossFiles(workspace, [serverNames, publicAddresses, hostedCompanies]);
}

type Declared<K extends KeyedKind> = TopLevelFacts[K][number];

/** Each declaration of this document (the first of its key) that another document also makes, with that other one. */
function clashes<K extends KeyedKind>({ own, others }: CrossFileContext, kind: K): Array<[Declared<K>, Declared<K>]> {
    const elsewhere = WorkspaceFacts.byKey(others, kind);
    return firstOfEachKey(own[kind] as ReadonlyArray<Declared<K>>)
        .flatMap(declaration => {
            const other = elsewhere.get(declaration.key);
            return other ? [[declaration, other] as [Declared<K>, Declared<K>]] : [];
        });
}

function companyNames(context: CrossFileContext): void {
    for (const [company, other] of clashes(context, 'companies')) {
        context.accept('error', `The company '${company.key}' is also declared in ${locationOf(context.document, other.node)}; rename one of them.`,
            coded(CompanyCodes.DuplicateName, { node: company.node, property: 'name' }));
    }
}

function companyDomains(context: CrossFileContext): void {
    for (const [domain, other] of clashes(context, 'domains')) {
        context.accept('error', `The domain '${domain.node.domain}' already belongs to company '${other.owner.name}' in `
            + `${locationOf(context.document, other.node)}; give each company its own domain.`,
            coded(CompanyCodes.DuplicateDomain, { node: domain.node, property: 'domain' }));
    }
}

function serverNames(context: CrossFileContext): void {
    for (const [server, other] of clashes(context, 'servers')) {
        context.accept('error', `A server named ${server.key} is also declared in ${locationOf(context.document, other.node)}: rename one of them.`,
            coded(ServerCodes.DuplicateServer, { node: server.node, property: 'name' }));
    }
}

function publicAddresses(context: CrossFileContext): void {
    for (const [address, other] of clashes(context, 'publicAddresses')) {
        context.accept('error', `${address.node.address} is already the ${publicAddressKind(address.node)} of ${other.owner.name} `
            + `(${locationOf(context.document, other.node)}): each server needs its own public address.`,
            coded(ServerCodes.DuplicatePublicAddress, { node: address.node, property: 'address' }));
    }
}

/** A company named by `hosts` lines in two files lives on two servers (an unresolved name is the linker's to report). */
function hostedCompanies(context: CrossFileContext): void {
    for (const [hosting, other] of clashes(context, 'hosted')) {
        if (hosting.node.companies[hosting.index]?.ref) {
            context.accept('error', `${hosting.key} is already hosted by ${other.owner.name} (${locationOf(context.document, other.node)}): `
                + 'a company lives on exactly one server, so remove it from one of the two.',
                coded(ServerCodes.CompanyHostedTwice, { node: hosting.node, property: 'companies', index: hosting.index }));
        }
    }
}
