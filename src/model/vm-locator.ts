import type { RoleKind } from '../language/generated/ast.js';

/** The host id (`server.vm`) of the VM running `role` as a primary for a company, if any. */
export type VmLocator = (company: string, role: RoleKind) => string | undefined;
