import * as path from 'node:path';
import type { Spec } from '../language/generated/ast.js';
import type { Infrastructure } from '../model/infrastructure.js';
import { resolveInfrastructure } from '../model/resolve.js';
import type { SecretStore } from '../model/secrets.js';
import { netbsd } from '../platform/netbsd.js';
import { onHost, type Platform, type PlatformProfile } from '../platform/profile.js';
import { renderDeployGuide } from './deploy-guide.js';
import { renderDiagramFile } from './diagram-file.js';
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
    readonly target: RenderTarget;
}

/** The platform the guests run, and optionally the folder every host's tree is rooted in (`--root`). */
export interface RenderTarget {
    readonly platform: Platform;
    /**
     * Absolute. Every host-local path inside the configs becomes `<root>/<host><path>`, so each host's
     * tree can be checked and run in place; the files themselves keep their on-host paths (the
     * writer puts them at `<out>/<host><path>`, the same place when the output folder is the root).
     */
    readonly root?: string;
}

export interface Generation {
    readonly infra: Infrastructure;
    /** Every file, sorted by output path. */
    readonly files: readonly GeneratedFile[];
}

/** Spec → model → files: the one generator the CLI, the language server and the tests share. */
export function generateInfrastructure(input: GenerationInput): Generation {
    const infra = resolveInfrastructure(input.specs, input.secrets);
    return { infra, files: renderInfrastructure(infra, input.target, input.secrets) };
}

/** Model → files, for every server, its hypervisor and its guests, plus the deploy guide and its diagram. */
export function renderInfrastructure(infra: Infrastructure, target: RenderTarget, secrets: SecretStore): GeneratedFile[] {
    const files: GeneratedFile[] = [];
    for (const server of infra.servers) {
        // The hypervisor is NetBSD NVMM whatever the guests run.
        files.push(...forHost(server.name, target, true, profile => renderHypervisor(infra, server, profile)));
        for (const vm of server.vms) {
            files.push(...forHost(vm.host, target, false, profile => {
                const context: GuestContext = { infra, server, vm, profile, secrets };
                const roleOutputs: RoleOutput[] = vm.roles.map(role => ROLE_RENDERERS[role.role](context, role));
                return [...renderGuestBase(context, roleOutputs), ...roleOutputs.flatMap(output => output.files)];
            }));
        }
    }
    files.push(...renderDeployGuide(infra, target.platform.profile(onHost)));
    files.push(renderDiagramFile(infra));
    return sortFiles(withoutDuplicates(files));
}

/**
 * The profile a host is rendered with: NetBSD for a hypervisor whatever the guests run, and under a
 * root every host-local path moved into `<root>/<host>`.
 */
export function hostProfile(target: RenderTarget, host: string, hypervisor: boolean): PlatformProfile {
    const platform = hypervisor ? netbsd : target.platform;
    if (target.root === undefined) {
        return platform.profile(onHost);
    }
    const hostRoot = path.posix.join(target.root, host);
    return platform.profile(p => hostRoot + p);
}

/**
 * Renders one host with its profile. Under a root each file is given back its on-host path; a file
 * outside the host's tree would be written somewhere the configs do not point to, so it is a fault
 * of the generator.
 */
function forHost(host: string, target: RenderTarget, hypervisor: boolean, render: (profile: PlatformProfile) => GeneratedFile[]): GeneratedFile[] {
    const files = render(hostProfile(target, host, hypervisor));
    if (target.root === undefined) {
        return files;
    }
    const hostRoot = path.posix.join(target.root, host);
    return files.map(file => {
        if (!file.path.startsWith(`${hostRoot}/`)) {
            throw new Error(`${host}: ${file.path} is not a host-local path of the platform profile, so --root cannot place it`);
        }
        return { ...file, path: file.path.slice(hostRoot.length) };
    });
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
