import type { DiagnosticInfo, ValidationAcceptor } from 'langium';
import type { Server } from '../generated/ast.js';
import { DEFAULT_GIT_SSH_PORT } from '../catalog/services.js';
import { freePort, portForwards, portKey, type PortForward, type PortOrigin } from '../semantics/port-forwards.js';
import { isPrimary } from '../semantics/server-facts.js';
import type { ServerContext } from './server-context.js';
import { ServerCodes } from './server-codes.js';
import { coded } from './report.js';
import { useInfo } from './role-validator.js';

/**
 * One public address forwards each port to one place. The table comes from `portForwards`, the
 * same one the model stage renders into npf.conf; a port in it twice is a conflict, reported on
 * the later claim when something written claims it (a role, an `ssh-port`, a `git` service entry),
 * else on the earlier one. Conventional VMs only get roles no declared VM runs as a primary, so a
 * conflict always involves something written. A pair of claims is reported once (dns claims 53
 * twice, tcp and udp).
 */
export function checkPublicPorts(server: Server, accept: ValidationAcceptor, { companies, vms }: ServerContext): void {
    const forwards = portForwards(server, companies, vms);
    const taken = new Set(forwards.map(portKey));
    const owners = new Map<string, PortForward>();
    const reported = new Set<string>();
    const claimant = (f: PortForward) => String(forwards.findIndex(g => sameClaimant(f, g)));
    for (const forward of forwards) {
        const key = portKey(forward);
        const first = owners.get(key);
        if (!first) {
            owners.set(key, forward);
            continue;
        }
        const pair = `${claimant(first)}|${claimant(forward)}`;
        if (!reported.has(pair)) {
            reported.add(pair);
            reportConflict(server, first, forward, taken, accept);
        }
    }
}

const sameClaimant = (a: PortForward, b: PortForward) => a.vm === b.vm && a.role === b.role && a.company === b.company;

function reportConflict(server: Server, first: PortForward, second: PortForward, taken: Set<string>, accept: ValidationAcceptor): void {
    const blamed = second.origin ? second : first;
    const other = blamed === second ? first : second;
    if (!blamed.origin) {
        return;
    }
    const owner = other.vm === undefined
        ? `is the hypervisor's own SSH on ${server.name} (the admins' way in, also for \`ssh -J\` to the guests)`
        : `${server.name} already forwards to ${ownerText(other, blamed)}`;
    const { advice, replacement } = adviceFor(server, blamed, other, taken);
    accept('error', `${subject(blamed)} needs public port ${portKey(blamed)}, which ${owner}: ${advice}.`,
        coded(ServerCodes.PublicPortConflict, diagnosticInfo(blamed.origin), replacement === undefined ? {} : { sshPort: String(replacement) }));
}

function subject(forward: PortForward): string {
    return forward.company ? `Gitea SSH of ${forward.company.name}` : `${forward.role!.role} on VM ${forward.vm!.name}`;
}

function ownerText(other: PortForward, blamed: PortForward): string {
    if (other.company) {
        return `Gitea SSH of ${other.company.name} (VM ${other.vm!.name})`;
    }
    const conventional = other.vm!.declared ? '' : ' (conventional)';
    return other.vm === blamed.vm && !blamed.company ? `${other.role!.role} on the same VM` : `${other.role!.role} on VM ${other.vm!.name}${conventional}`;
}

/**
 * What to do. A Gitea SSH port moves to the next free port at or above the default (2222, 2223…),
 * each suggestion taken from `taken` so two companies are never told the same one.
 */
function adviceFor(server: Server, blamed: PortForward, other: PortForward, taken: Set<string>): { advice: string, replacement?: number } {
    if (blamed.company) {
        const replacement = freePort(taken, 'tcp', Math.max(blamed.port + 1, DEFAULT_GIT_SSH_PORT));
        taken.add(portKey({ port: replacement, protocol: 'tcp' }));
        const advice = blamed.origin?.kind === 'ssh-port'
            ? `pick another ssh-port, e.g. ${replacement}`
            : `set \`git { ssh-port ${replacement} }\` for ${blamed.company.name}`;
        return { advice, replacement };
    }
    const secondary = [blamed.role, other.role].find(r => r && !isPrimary(r));
    if (secondary) {
        return { advice: `a ${secondary.role} ${secondary.relation} another VM belongs on another server, which has its own public address` };
    }
    return { advice: `run ${blamed.role!.role} on one VM of ${server.name} only` };
}

function diagnosticInfo(origin: PortOrigin): DiagnosticInfo<PortOrigin['node']> {
    switch (origin.kind) {
        case 'role': return useInfo(origin.node);
        case 'ssh-port': return { node: origin.node, property: 'value' };
        case 'service': return { node: origin.node, property: 'services', index: origin.index };
    }
}
