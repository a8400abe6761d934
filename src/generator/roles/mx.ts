import type { RoleRenderer } from '../guest-context.js';

// PLACEHOLDER until the mx role is written in this session: it fails loudly rather than emit nothing.
export const renderMx: RoleRenderer = (context) => {
    throw new Error(`the mx role is not generated yet (${context.vm.host})`);
};
