import type { RoleRenderer } from '../guest-context.js';

// PLACEHOLDER until the website role is written in this session: it fails loudly rather than emit nothing.
export const renderWebsite: RoleRenderer = (context) => {
    throw new Error(`the website role is not generated yet (${context.vm.host})`);
};
