import type { RoleRenderer } from '../guest-context.js';

// PLACEHOLDER until the mail role is written in this session: it fails loudly rather than emit nothing.
export const renderMail: RoleRenderer = (context) => {
    throw new Error(`the mail role is not generated yet (${context.vm.host})`);
};
