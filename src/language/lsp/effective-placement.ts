import type { Server, Vm } from '../generated/ast.js';
import { effectiveVms, type EffectiveVm } from '../semantics/placement.js';

/**
 * The effective VMs of a server for hover and outline, or undefined when they cannot be worked
 * out. Placement reads the whole server while the user is typing it; an editor feature must
 * never fail on that, so it falls back to the written facts instead.
 */
export function effectivePlacement(server: Server): readonly EffectiveVm[] | undefined {
    try {
        return effectiveVms(server);
    } catch {
        return undefined;
    }
}

/** The effective VM that a declared VM became, if placement could be worked out. */
export function effectiveVmOf(vm: Vm, placement: readonly EffectiveVm[] | undefined): EffectiveVm | undefined {
    return placement?.find(effective => effective.declared === vm);
}
