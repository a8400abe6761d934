import type { RoleRenderer } from '../guest-context.js';

// PLACEHOLDER until the meet role is written in this session: it fails loudly rather than emit nothing.
export const renderMeet: RoleRenderer = (context) => {
    throw new Error(`the meet role is not generated yet (${context.vm.host})`);
};
