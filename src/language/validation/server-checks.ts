import type { ValidationAcceptor, ValidationChecks } from 'langium';
import type { CompanyDslAstType, Server } from '../generated/ast.js';
import type { CompanyDslServices } from '../company-dsl-module.js';
import { checkServersAcrossFiles } from './cross-file-validator.js';
import { checkHosting } from './hosting-validator.js';
import {
    checkGuestNetwork, checkNetworksAcrossServers, checkPublicAddress, checkPublicIpv6, checkServerAddresses, checkVmAddress
} from './network-validator.js';
import { checkMirror } from './mirror-validator.js';
import { checkRequiredRoles } from './requirement-validator.js';
import { checkCpus, checkOsVersion, checkResourceSize, checkServerResources, checkVmMemory } from './resource-validator.js';
import { checkPublicPorts } from './public-port-validator.js';
import { checkBareVideobridges, checkDuplicateRoles, checkRoleSource } from './role-validator.js';
import {
    checkPublicAddressPresent, checkResourceSettingsOnce, checkServerNames, checkServerSettingsOnce, checkVmNames, checkVmSettingsOnce
} from './server-structure-validator.js';
import { WorkspaceFacts } from './workspace-facts.js';

/** Register the server rules: addresses and networks, settings and names, roles, hosting, resources. */
export function registerServerChecks(services: CompanyDslServices): void {
    const workspace = new WorkspaceFacts(() => services.shared.workspace.LangiumDocuments);
    const checks: ValidationChecks<CompanyDslAstType> = {
        Spec: [checkServerNames, checkNetworksAcrossServers, checkHosting, checkServersAcrossFiles(workspace)],
        Server: checkServer,
        PublicAddress: checkPublicAddress,
        PublicIpv6: checkPublicIpv6,
        GuestNetwork: checkGuestNetwork,
        VmAddress: checkVmAddress,
        Vm: checkVmSettingsOnce,
        VmRoles: checkDuplicateRoles,
        RoleUse: checkRoleSource,
        ServerResources: checkResourceSettingsOnce,
        MemorySetting: checkResourceSize,
        DiskSetting: checkResourceSize,
        CpusSetting: checkCpus,
        OsSetting: checkOsVersion,
        MirrorSetting: checkMirror
    };
    services.validation.ValidationRegistry.register(checks);
}

/** Rules that look at a whole server (its effective VMs are derived once per rule; they are cheap). */
const SERVER_RULES: ReadonlyArray<(server: Server, accept: ValidationAcceptor) => void> = [
    checkPublicAddressPresent, checkServerSettingsOnce, checkVmNames, checkServerAddresses,
    checkPublicPorts, checkBareVideobridges, checkRequiredRoles, checkVmMemory, checkServerResources
];

function checkServer(server: Server, accept: ValidationAcceptor): void {
    SERVER_RULES.forEach(rule => rule(server, accept));
}

