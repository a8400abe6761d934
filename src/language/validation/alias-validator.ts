import type { ValidationAcceptor } from 'langium';
import { isMailAlias, type MailAlias } from '../generated/ast.js';
import { CompanyCodes } from './company-codes.js';
import { cycleThrough } from './cycles.js';
import { coded } from './report.js';
import { unsafeCharacter, unsafeMessage } from './unsafe-string-validator.js';
import { emailProblem } from './value-syntax.js';

/** Mail aliases: external targets must be addresses; aliases must not forward to each other in a loop. */

export function checkAliasExternalTargets(alias: MailAlias, accept: ValidationAcceptor): void {
    alias.targets.forEach((target, index) => {
        if (target.external === undefined) {
            return;
        }
        const info = { node: alias, property: 'targets', index } as const;
        const unsafe = unsafeCharacter(target.external);
        const problem = unsafe ? undefined : emailProblem(target.external);
        if (unsafe) {
            accept('error', unsafeMessage('address', unsafe), coded(CompanyCodes.UnsafeString, info));
        } else if (problem) {
            accept('error', `'${target.external}' is not an e-mail address: ${problem}.`, coded(CompanyCodes.InvalidAliasTarget, info));
        }
    });
}

const forwardedAliases = (alias: MailAlias): MailAlias[] => alias.targets.map(t => t.ref?.ref).filter(isMailAlias);

/** A message sent into an alias loop bounces; each target that closes a loop is reported. */
export function checkAliasCycles(alias: MailAlias, accept: ValidationAcceptor): void {
    alias.targets.forEach((target, index) => {
        const next = target.ref?.ref;
        const cycle = isMailAlias(next) ? cycleThrough(alias, next, forwardedAliases) : undefined;
        if (cycle) {
            accept('error', `Aliases forward to each other in a loop: ${cycle.map(a => a.name).join(' → ')}; `
                + 'point this target at a user, a group or an external address.',
                coded(CompanyCodes.AliasCycle, { node: alias, property: 'targets', index }));
        }
    });
}
