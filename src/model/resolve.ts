import type { Company, RoleKind, Spec } from '../language/generated/ast.js';
import { companyDomain } from '../language/semantics/company-facts.js';
import { hostedCompanies } from '../language/semantics/hosting.js';
import { isPrimary } from '../language/semantics/server-facts.js';
import { resolveCompany } from './company-model.js';
import type { Infrastructure } from './infrastructure.js';
import type { SecretStore } from './secrets.js';
import { hostId, placeServer, resolveServer, sourceHost, type PlacedServer } from './server-model.js';
import type { VmLocator } from './vm-locator.js';

/**
 * AST → Infrastructure. The specs must be free of errors (the caller checks). Only companies that
 * some server hosts are resolved: a company no server runs has nothing to generate.
 */
export function resolveInfrastructure(specs: readonly Spec[], secrets: SecretStore): Infrastructure {
    const placed = specs.flatMap(spec => spec.servers).map(server => placeServer(server, hostedCompanies(server, specs)));
    const hostOf = new Map<Company, string>();
    placed.forEach(p => p.companies.forEach(c => hostOf.has(c) || hostOf.set(c, p.server.name)));
    const locate = vmLocator(placed);
    const companies = [...hostOf].map(([company, server]) => resolveCompany(company, server, secrets, locate));
    const companiesOf = (host: string): string[] => {
        const source = placed.find(p => p.vms.some(vm => hostId(p.server.name, vm.name) === host));
        return source ? source.companies.map(c => c.name) : [];
    };
    const domainOf = (name: string) => companies.find(c => c.name === name)?.domain;
    const servers = placed.map(p => resolveServer(p, serverDomain(p, companiesOf, domainOf), companiesOf));
    return { companies, servers };
}

/** Primary roles only: a replica never answers for a company's public names. */
function vmLocator(placed: readonly PlacedServer[]): VmLocator {
    return (company: string, role: RoleKind) => {
        for (const p of placed) {
            if (!p.companies.some(c => c.name === company)) {
                continue;
            }
            const vm = p.vms.find(v => v.roles.some(r => r.role === role && isPrimary(r)));
            if (vm) {
                return hostId(p.server.name, vm.name);
            }
        }
        return undefined;
    };
}

/**
 * The domain a server's own names (and its guests' host names) live under: its first hosted
 * company's; for a server hosting none (replicas only), that of the first company its replicas serve.
 */
function serverDomain(p: PlacedServer, companiesOf: (host: string) => readonly string[], domainOf: (company: string) => string | undefined): string {
    const first = p.companies[0];
    if (first) {
        return companyDomain(first)!;
    }
    const served = p.vms.flatMap(vm => vm.roles).map(sourceHost).flatMap(source => (source ? companiesOf(source) : []));
    return served.map(domainOf).find(d => d !== undefined) ?? `${p.server.name}.invalid`;
}
