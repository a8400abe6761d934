import type { Infrastructure } from '../model/infrastructure.js';
import type { PlatformProfile } from '../platform/profile.js';
import type { GeneratedFile } from './file-set.js';

// PLACEHOLDER until the deploy guide is written in this session.
export function renderDeployGuide(_infra: Infrastructure, _profile: PlatformProfile): GeneratedFile[] {
    throw new Error('the deploy guide is not generated yet');
}
