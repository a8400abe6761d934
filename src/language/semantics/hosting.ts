import type { Reference } from 'langium';
import { isHostedCompanies, type Company, type Server, type Spec } from '../generated/ast.js';

/**
 * Which server hosts which company. Every .company file of a workspace is part of one spec, so
 * these take the specs of all loaded documents (the server's own spec alone when nothing else is
 * known, as for a single file). When the whole workspace has exactly one server and no `hosts`
 * line, that server hosts every company (the common one-box case); otherwise only what `hosts`
 * lists counts.
 */
export function hostedCompanies(server: Server, specs: readonly Spec[] = [server.$container]): Company[] {
    if (hostsAllImplicitly(specs)) {
        // A company declared twice is reported as such; hosting it twice would only add noise.
        const names = new Set<string>();
        return specs.flatMap(spec => spec.companies).filter(company => !names.has(company.name) && names.add(company.name));
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

/** True when the specs have one server between them and it says nothing about hosting. */
export function hostsAllImplicitly(specs: readonly Spec[]): boolean {
    const servers = specs.flatMap(spec => spec.servers);
    return servers.length === 1 && hostsReferences(servers[0]).length === 0;
}

/** Every `hosts` reference of a server, in source order. */
export function hostsReferences(server: Server): Array<Reference<Company>> {
    return server.members.filter(isHostedCompanies).flatMap(h => h.companies);
}
