import type { RoleRenderer } from '../guest-context.js';

// PLACEHOLDER until the videobridge role is written in this session: it fails loudly rather than emit nothing.
export const renderVideobridge: RoleRenderer = (context) => {
    throw new Error(`the videobridge role is not generated yet (${context.vm.host})`);
};
