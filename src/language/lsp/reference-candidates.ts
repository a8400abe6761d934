import { AstUtils, type AstNode, type AstNodeDescription, type LangiumDocuments, type NameProvider, type Reference, type ReferenceInfo } from 'langium';
import type { CompletionContext } from 'langium/lsp';
import {
    isCompany, isGroup, isMailAlias, isRoleUse, isServer, isSpec, isUser, isUserGroups, isVm,
    type RoleKind, type Server, type Vm
} from '../generated/ast.js';
import { companyOf } from '../semantics/company-facts.js';
import { hostsReferences } from '../semantics/hosting.js';
import { effectiveVms } from '../semantics/placement.js';
import { primaryVmsFor, sourceRoleOf } from '../semantics/server-facts.js';
import { isBeingTyped } from './completion-block.js';

/**
 * Which of the names a reference could resolve to are worth offering. The scope holds every
 * element twice (by simple name in its own block, qualified everywhere), and much that validation
 * refuses; completion offers each element once, in the form to write it, and only where it fits.
 */

/** Keeps or drops one scope entry; built once per completion request. */
export type CandidateFilter = (candidate: AstNodeDescription) => boolean;

export interface CandidateFilterInputs {
    readonly refInfo: ReferenceInfo;
    readonly referenceType: string;
    readonly context: CompletionContext;
    readonly names: NameProvider;
    readonly documents: LangiumDocuments;
}

export function candidateFilter(inputs: CandidateFilterInputs): CandidateFilter {
    switch (inputs.referenceType) {
        case 'Group': return groupFilter(inputs);
        case 'Recipient': return recipientFilter(inputs);
        case 'Vm': return vmFilter(inputs);
        case 'Company': return hostsFilter(inputs);
        default: return () => true;
    }
}

/** `groups`, `includes`: groups of the same company (others are `foreign-group` errors), by simple name. */
function groupFilter({ refInfo, context, names }: CandidateFilterInputs): CandidateFilter {
    const own = companyOf(refInfo.container);
    const group = AstUtils.getContainerOfType(refInfo.container, isGroup);
    const listed = listedTargets(context);
    return ({ node, name }) => isGroup(node) && node !== group && !listed.has(node)
        && companyOf(node) === own && name === names.getName(node);
}

/** Alias targets: this company's users, groups and aliases by simple name, other companies' qualified. */
function recipientFilter({ refInfo, context, names }: CandidateFilterInputs): CandidateFilter {
    const own = companyOf(refInfo.container);
    const alias = AstUtils.getContainerOfType(refInfo.container, isMailAlias);
    const listed = listedTargets(context);
    return ({ node, name }) => (isUser(node) || isGroup(node) || isMailAlias(node)) && node !== alias && !listed.has(node)
        && (companyOf(node) === own) === (name === names.getName(node));
}

/**
 * `ldap from`, `dns from`: VMs running that role as a primary; `videobridge for`: VMs running the
 * primary Meet. This server's VMs by simple name, other servers' qualified.
 */
function vmFilter({ refInfo, names }: CandidateFilterInputs): CandidateFilter {
    const use = AstUtils.getContainerOfType(refInfo.container, isRoleUse);
    const wanted = use && sourceRoleOf(use);
    if (!use || !wanted) {
        return () => false;
    }
    const own = AstUtils.getContainerOfType(use, isServer);
    const self = AstUtils.getContainerOfType(use, isVm);
    const primaries = new Map<Server, Set<Vm>>();
    return ({ node, name }) => isVm(node) && node !== self
        && primariesOf(node.$container, wanted, primaries).has(node)
        && (node.$container === own) === (name === names.getName(node));
}

/** The declared VMs of a server that run `role` as a primary, as validation's role-source check sees them. */
function primariesOf(server: Server, role: RoleKind, cache: Map<Server, Set<Vm>>): Set<Vm> {
    let vms = cache.get(server);
    if (!vms) {
        vms = new Set(primaryVmsFor(effectiveVms(server), role));
        cache.set(server, vms);
    }
    return vms;
}

/** `hosts`: companies that no server lists yet, in any open spec (each lives on exactly one server). */
function hostsFilter({ context, documents }: CandidateFilterInputs): CandidateFilter {
    const hosted = new Set<string>();
    for (const document of documents.all) {
        const spec = document.parseResult.value;
        // Offsets are the cursor's only in the document being edited.
        const here = document === context.document;
        for (const server of isSpec(spec) ? spec.servers : []) {
            hostsReferences(server)
                .filter(ref => !(here && isBeingTyped(ref.$refNode, context)))
                .forEach(ref => hosted.add(ref.$refText));
        }
    }
    return ({ node, name }) => isCompany(node) && !hosted.has(name);
}

/**
 * The elements already named on the list being written (`groups a, b, |`), except the one being
 * typed: a repeat only earns a `duplicate-entry` warning.
 */
function listedTargets(context: CompletionContext): Set<AstNode> {
    const holder = context.node;
    const refs: Array<Reference | undefined> = isUserGroups(holder) ? holder.groups
        : isGroup(holder) ? holder.includes
        : isMailAlias(holder) ? holder.targets.map(t => t.ref)
        : [];
    const listed = new Set<AstNode>();
    for (const ref of refs) {
        if (ref?.ref && !isBeingTyped(ref.$refNode, context)) {
            listed.add(ref.ref);
        }
    }
    return listed;
}
