import type { RoleRenderer } from '../guest-context.js';

// PLACEHOLDER until the webmail role is written in this session: it fails loudly rather than emit nothing.
export const renderWebmail: RoleRenderer = (context) => {
    throw new Error(`the webmail role is not generated yet (${context.vm.host})`);
};
