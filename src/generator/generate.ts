import type { Spec } from '../language/generated/ast.js';
import type { Infrastructure } from '../model/infrastructure.js';
import { resolveInfrastructure } from '../model/resolve.js';
import type { SecretStore } from '../model/secrets.js';
import type { PlatformProfile } from '../platform/profile.js';
import { renderDeployGuide } from './deploy-guide.js';
import { sortFiles, outputPath, type GeneratedFile } from './file-set.js';
import type { GuestContext, RoleOutput } from './guest-context.js';
import { renderGuestBase } from './guest/guest-base.js';
import { renderHypervisor } from './hypervisor/hypervisor.js';
import { ROLE_RENDERERS } from './roles/index.js';
import { UnsupportedSpecError } from './unsupported-spec.js';

export interface GenerationInput {
    /** Every spec of the workspace, already validated without errors. */
    readonly specs: readonly Spec[];
    /** Values kept beside the spec; new ones are added to it, none is replaced. */
    readonly secrets: SecretStore;
    readonly profile: PlatformProfile;
}

export interface Generation {
    readonly infra: Infrastructure;
    /** Every file, sorted by output path. */
    readonly files: readonly GeneratedFile[];
}

/** Spec → model → files: the one generator the CLI, the language server and the tests share. */
export function generateInfrastructure(input: GenerationInput): Generation {
    const infra = resolveInfrastructure(input.specs, input.secrets);
    return { infra, files: renderInfrastructure(infra, input.profile, input.secrets) };
}

/** Model → files, for every server, its hypervisor and its guests, plus the deploy guide. */
export function renderInfrastructure(infra: Infrastructure, profile: PlatformProfile, secrets: SecretStore): GeneratedFile[] {
    const files: GeneratedFile[] = [];
    for (const server of infra.servers) {
        files.push(...renderHypervisor(infra, server, profile));
        for (const vm of server.vms) {
            const context: GuestContext = { infra, server, vm, profile, secrets };
            const roleOutputs: RoleOutput[] = vm.roles.map(role => ROLE_RENDERERS[role.role](context, role));
            files.push(...renderGuestBase(context, roleOutputs));
            files.push(...roleOutputs.flatMap(output => output.files));
        }
    }
    files.push(...renderDeployGuide(infra, profile));
    return sortFiles(withoutDuplicates(files));
}

/**
 * Two roles on one VM may need the same shared file (both run nginx); identical copies are one
 * file. Two different contents for one path would silently lose one, so that is an error.
 */
function withoutDuplicates(files: readonly GeneratedFile[]): GeneratedFile[] {
    const byPath = new Map<string, GeneratedFile>();
    for (const file of files) {
        const key = outputPath(file);
        const existing = byPath.get(key);
        if (existing && (existing.content !== file.content || existing.mode !== file.mode)) {
            throw new UnsupportedSpecError(`two different files were generated for ${file.path} on ${file.host ?? 'the output'}: `
                + 'these roles cannot share one VM yet; put them on separate VMs');
        }
        byPath.set(key, file);
    }
    return [...byPath.values()];
}
