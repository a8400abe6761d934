import type { ValidationAcceptor } from 'langium';
import { isHostedCompanies, type Company, type Server, type Spec } from '../generated/ast.js';
import { hostsAllImplicitly } from '../semantics/hosting.js';
import { ServerCodes } from './server-codes.js';
import { coded } from './report.js';

/**
 * Every company lives on exactly one server. One server without `hosts` hosts them all; as soon as
 * there are several servers (or a `hosts` line), each company must be named by exactly one `hosts`.
 */
export function checkHosting(spec: Spec, accept: ValidationAcceptor): void {
    if (spec.servers.length === 0 || hostsAllImplicitly(spec)) {
        return;
    }
    const hostOf = new Map<Company, Server>();
    for (const server of spec.servers) {
        for (const hosts of server.members.filter(isHostedCompanies)) {
            hosts.companies.forEach((ref, index) => {
                const company = ref.ref;
                if (!company) {
                    return;  // unresolved: the linker reports it
                }
                const first = hostOf.get(company);
                if (first) {
                    const where = first === server ? `already listed by ${server.name}` : `already hosted by ${first.name}`;
                    accept('error', `${company.name} is ${where}: a company lives on exactly one server, so remove this one.`,
                        coded(ServerCodes.CompanyHostedTwice, { node: hosts, property: 'companies', index }));
                } else {
                    hostOf.set(company, server);
                }
            });
        }
    }
    const servers = spec.servers.map(s => s.name);
    for (const company of spec.companies.filter(c => !hostOf.has(c))) {
        accept('error', `No server hosts ${company.name}: add \`hosts ${company.name}\` to one of ${servers.join(', ')}.`,
            coded(ServerCodes.CompanyNotHosted, { node: company, property: 'name' }, { servers }));
    }
}
