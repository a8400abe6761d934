import type { RoleRenderer } from '../guest-context.js';

// PLACEHOLDER until the cloud role is written in this session: it fails loudly rather than emit nothing.
export const renderCloud: RoleRenderer = (context) => {
    throw new Error(`the cloud role is not generated yet (${context.vm.host})`);
};
