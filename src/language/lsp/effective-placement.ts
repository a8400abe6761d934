import type { Server, Vm } from '../generated/ast.js';
import { effectiveVms, type EffectiveVm } from '../semantics/placement.js';
import { vmAddress } from '../semantics/server-facts.js';

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

/**
 * A VM's address for hover and outline: the written one, else the allocated one marked as such,
 * else why there is none. `format` renders an address (as code in a hover).
 */
export function vmAddressText(vm: Vm, effective: EffectiveVm | undefined, format: (address: string) => string = address => address): string {
    const written = vmAddress(vm);
    if (written !== undefined) {
        return format(written);
    }
    if (!effective) {
        return 'allocated automatically';
    }
    return effective.address ? `${format(effective.address)} (allocated)` : 'none: the guest network has no free address left';
}
