import type { Reference } from 'langium';
import { isHostedCompanies, type Company, type Server, type Spec } from '../generated/ast.js';

/**
 * Which server hosts which company. A spec with a single server and no `hosts` line means that
 * server hosts every company (the common one-box case); otherwise only what `hosts` lists counts.
 */
export function hostedCompanies(server: Server): Company[] {
    const spec = server.$container;
    if (hostsAllImplicitly(spec)) {
        return [...spec.companies];
    }
    const companies: Company[] = [];
    for (const ref of hostsReferences(server)) {
        const company = ref.ref;
        if (company && !companies.includes(company)) {
            companies.push(company);
        }
    }
    return companies;
}

/** True when the spec has one server and it says nothing about hosting. */
export function hostsAllImplicitly(spec: Spec): boolean {
    return spec.servers.length === 1 && hostsReferences(spec.servers[0]).length === 0;
}

/** Every `hosts` reference of a server, in source order. */
export function hostsReferences(server: Server): Array<Reference<Company>> {
    return server.members.filter(isHostedCompanies).flatMap(h => h.companies);
}
