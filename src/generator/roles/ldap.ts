import type { RoleRenderer } from '../guest-context.js';

// PLACEHOLDER until the ldap role is written in this session: it fails loudly rather than emit nothing.
export const renderLdap: RoleRenderer = (context) => {
    throw new Error(`the ldap role is not generated yet (${context.vm.host})`);
};
