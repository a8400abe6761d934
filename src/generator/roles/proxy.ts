import type { RoleRenderer } from '../guest-context.js';

// PLACEHOLDER until the proxy role is written in this session: it fails loudly rather than emit nothing.
export const renderProxy: RoleRenderer = (context) => {
    throw new Error(`the proxy role is not generated yet (${context.vm.host})`);
};
