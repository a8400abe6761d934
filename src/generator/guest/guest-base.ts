import type { GeneratedFile } from '../file-set.js';
import type { GuestContext, RoleOutput } from '../guest-context.js';

// PLACEHOLDER until the guest base files are written in this session.
export function renderGuestBase(context: GuestContext, _roles: readonly RoleOutput[]): GeneratedFile[] {
    throw new Error(`guest base files are not generated yet (${context.vm.host})`);
}
