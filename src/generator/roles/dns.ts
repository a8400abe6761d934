import type { RoleRenderer } from '../guest-context.js';

// PLACEHOLDER until the dns role is written in this session: it fails loudly rather than emit nothing.
export const renderDns: RoleRenderer = (context) => {
    throw new Error(`the dns role is not generated yet (${context.vm.host})`);
};
