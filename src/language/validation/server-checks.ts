import { AstUtils, type ValidationAcceptor, type ValidationCheck, type ValidationChecks } from 'langium';
import type { CompanyDslAstType, Server } from '../generated/ast.js';
import type { CompanyDslServices } from '../company-dsl-module.js';
import { checkServersAcrossFiles } from './cross-file-validator.js';
import { checkHosting } from './hosting-validator.js';
import {
    checkGuestNetwork, checkGuestNetworkOverlaps, checkPublicAddress, checkPublicAddressesAcrossServers, checkPublicIpv6, checkServerAddresses,
    checkVmAddress
} from './network-validator.js';
import { checkMirror } from './mirror-validator.js';
import { checkRequiredRoles } from './requirement-validator.js';
import { checkCpus, checkDiskSize, checkMemorySize, checkOsVersion, checkServerResources, checkVmMemory } from './resource-validator.js';
import { checkPublicPorts } from './public-port-validator.js';
import { checkBareVideobridges, checkDuplicateRoles, checkRoleSources } from './role-validator.js';
import { checkPublicAddressPresent, checkServerNames, checkVmNames } from './server-structure-validator.js';
import { serverContext, type ServerContext } from './server-context.js';
import { WorkspaceFacts } from './workspace-facts.js';
import { checkRolesSharingVm } from './vm-sharing-validator.js';

/** Register the server rules: addresses and networks, settings and names, roles, hosting, resources. */
export function registerServerChecks(services: CompanyDslServices): void {
    const workspace = new WorkspaceFacts(() => services.shared.workspace.LangiumDocuments);
    const checks: ValidationChecks<CompanyDslAstType> = {
        Spec: [checkServerNames, checkGuestNetworkOverlaps(workspace), checkPublicAddressesAcrossServers, checkHosting(workspace),
            checkServersAcrossFiles(workspace)],
        Server: checkServer(workspace),
        PublicAddress: checkPublicAddress,
        PublicIpv6: checkPublicIpv6,
        GuestNetwork: checkGuestNetwork,
        VmAddress: checkVmAddress,
        VmRoles: checkDuplicateRoles,
        MemorySetting: checkMemorySize,
        DiskSetting: checkDiskSize,
        CpusSetting: checkCpus,
        OsSetting: checkOsVersion,
        MirrorSetting: checkMirror
    };
    services.validation.ValidationRegistry.register(checks);
}

/** Rules that look at a whole server; the context (hosted companies, effective VMs) is worked out once for all of them. */
const SERVER_RULES: ReadonlyArray<(server: Server, accept: ValidationAcceptor, context: ServerContext) => void> = [
    checkPublicAddressPresent, checkVmNames, checkServerAddresses, checkPublicPorts, checkRoleSources,
    checkBareVideobridges, checkRequiredRoles, checkVmMemory, checkServerResources, checkRolesSharingVm
];

/** A server without its name yet (half-typed) is left alone: the parser reports the missing name, and every message names the server. */
function checkServer(workspace: WorkspaceFacts): ValidationCheck<Server> {
    return (server, accept) => {
        if (typeof server.name !== 'string') {
            return;
        }
        const context = serverContext(server, workspace.specs(AstUtils.getDocument(server)));
        SERVER_RULES.forEach(rule => rule(server, accept, context));
    };
}
