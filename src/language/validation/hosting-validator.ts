import { AstUtils, type ValidationCheck } from 'langium';
import { isHostedCompanies, type Company, type Server, type Spec } from '../generated/ast.js';
import { hostsAllImplicitly, hostsReferences } from '../semantics/hosting.js';
import { ServerCodes } from './server-codes.js';
import { coded } from './report.js';
import type { WorkspaceFacts } from './workspace-facts.js';

/**
 * Every company lives on exactly one server. The workspace is one spec: while all its files have
 * one server between them and no `hosts` line, that server hosts every company; as soon as there
 * are several servers (or a `hosts` line), each company must be named by exactly one `hosts`,
 * whichever file names it. A company named twice within this file is reported here, across files
 * by the cross-file rules.
 */
export function checkHosting(workspace: WorkspaceFacts): ValidationCheck<Spec> {
    return (spec, accept) => {
        const specs = workspace.specs(AstUtils.getDocument(spec));
        const servers = specs.flatMap(s => s.servers);
        if (servers.length === 0 || hostsAllImplicitly(specs)) {
            return;
        }
        const hostOf = new Map<Company, Server>();
        for (const server of spec.servers) {
            for (const hosts of server.members.filter(isHostedCompanies)) {
                hosts.companies.forEach((ref, index) => {
                    const company = ref.ref;
                    if (!company || typeof company.name !== 'string' || typeof server.name !== 'string') {
                        return;  // unresolved or half-typed: the linker or the parser reports it
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
        // By the name written, so that the `hosts` lines of other files count without resolving their references.
        const hosted = new Set(servers.flatMap(hostsReferences).map(ref => ref.$refText));
        const names = [...new Set(servers.map(s => s.name).filter(name => typeof name === 'string'))];
        for (const company of spec.companies.filter(c => typeof c.name === 'string' && !hosted.has(c.name))) {
            accept('error', `No server hosts ${company.name}: add \`hosts ${company.name}\` to one of ${names.join(', ')}.`,
                coded(ServerCodes.CompanyNotHosted, { node: company, property: 'name' }, { servers: names }));
        }
    };
}
