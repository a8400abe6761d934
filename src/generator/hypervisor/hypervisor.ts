import type { Infrastructure, ServerModel } from '../../model/infrastructure.js';
import type { PlatformProfile } from '../../platform/profile.js';
import type { GeneratedFile } from '../file-set.js';

// PLACEHOLDER until the hypervisor files are written in this session.
export function renderHypervisor(_infra: Infrastructure, server: ServerModel, _profile: PlatformProfile): GeneratedFile[] {
    throw new Error(`hypervisor files are not generated yet (${server.name})`);
}
