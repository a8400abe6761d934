import type { ValidationAcceptor } from 'langium';
import type { RoleKind, Server } from '../generated/ast.js';
import { isPrimary } from '../semantics/server-facts.js';
import type { ServerContext } from './server-context.js';
import { ServerCodes } from './server-codes.js';
import { coded } from './report.js';

/**
 * Roles that cannot share one VM, refused here rather than when the files are generated: the MX
 * and the mail VM each run their own Postfix (one main.cf per VM).
 */

/** Pairs of roles that each need a VM of their own. */
const EXCLUSIVE_ROLES: ReadonlyArray<readonly [RoleKind, RoleKind]> = [['mx', 'mail']];

/** Whether `role` may join a VM that runs `others` (quick fixes must not propose what this file refuses). */
export function canShareVm(role: RoleKind, others: readonly RoleKind[]): boolean {
    return !EXCLUSIVE_ROLES.some(([a, b]) => (role === a && others.includes(b)) || (role === b && others.includes(a)));
}

export function checkRolesSharingVm(_server: Server, accept: ValidationAcceptor, context: ServerContext): void {
    for (const vm of context.vms) {
        for (const [first, second] of EXCLUSIVE_ROLES) {
            const primaries = vm.roles.filter(isPrimary);
            const a = primaries.find(r => r.role === first);
            const b = primaries.find(r => r.role === second);
            if (!a || !b) {
                continue;
            }
            const message = `VM ${vm.name} runs both ${first} and ${second}, which each run their own Postfix: `
                + `move ${second} to a VM of its own, e.g. \`vm ${second} { runs ${second} }\`.`;
            // The written role is the place to fix; a role placed by convention only has its VM's name.
            const node = b.use ?? a.use;
            if (node) {
                accept('error', message, coded(ServerCodes.RolesShareVm, { node, property: 'role' }));
            } else if (vm.declared) {
                accept('error', message, coded(ServerCodes.RolesShareVm, { node: vm.declared, property: 'name' }));
            }
        }
    }
}
