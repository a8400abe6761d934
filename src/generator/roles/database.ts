import type { RoleRenderer } from '../guest-context.js';

// PLACEHOLDER until the database role is written in this session: it fails loudly rather than emit nothing.
export const renderDatabase: RoleRenderer = (context) => {
    throw new Error(`the database role is not generated yet (${context.vm.host})`);
};
