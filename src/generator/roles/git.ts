import type { RoleRenderer } from '../guest-context.js';

// PLACEHOLDER until the git role is written in this session: it fails loudly rather than emit nothing.
export const renderGit: RoleRenderer = (context) => {
    throw new Error(`the git role is not generated yet (${context.vm.host})`);
};
