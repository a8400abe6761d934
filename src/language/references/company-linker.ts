import { DefaultLinker, type AstNodeDescription, type LinkingError, type ReferenceInfo } from 'langium';
import { closestName } from '../util/closest-name.js';

const DID_YOU_MEAN = / Did you mean '([^']+)'\?/;

/** The name a linking error's message suggests, if any. */
export function suggestedName(message: string): string | undefined {
    return DID_YOU_MEAN.exec(message)?.[1];
}

/** What each kind of reference points at, in the words a sysadmin uses. */
const TARGET_WORDS: Readonly<Record<string, string>> = {
    Recipient: 'user, group or alias',
    Group: 'group',
    Company: 'company',
    Vm: 'VM'
};

/** Why a name may be missing, and what to do, per kind of reference. */
const TARGET_HINTS: Readonly<Record<string, string>> = {
    Recipient: 'declare it in this company, write `company.name` for another company, or quote an outside address ("someone@example.org")',
    Group: 'declare it with `group NAME "Description"` in this company',
    Company: 'declare it with `company NAME "Display Name" { domain ... }`',
    Vm: 'write the VM out in its server (`vm auth { runs ldap, dns }`; conventional VMs that are not written out cannot be referred to), and use `server.vm` for another server'
};

/**
 * Linking errors that say what kind of thing was not found, suggest the closest existing name,
 * and say what to do. Langium's diagnostics carry no data of ours for linking errors, so the quick
 * fix reads the suggestion back from the message with `suggestedName`.
 */
export class CompanyLinker extends DefaultLinker {
    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const type = this.reflection.getReferenceType(refInfo);
        const name = refInfo.reference.$refText;
        const what = TARGET_WORDS[type] ?? type;
        const suggestion = this.suggestion(refInfo, name);
        const didYouMean = suggestion ? ` Did you mean '${suggestion}'?` : '';
        return {
            ...error,
            message: `There is no ${what} named '${name}'.${didYouMean} To fix it, ${TARGET_HINTS[type] ?? 'declare it'}.`
        };
    }

    private suggestion(refInfo: ReferenceInfo, name: string): string | undefined {
        try {
            const names = this.scopeProvider.getScope(refInfo).getAllElements().map(d => d.name);
            return closestName(name, names);
        } catch {
            // A scope that cannot be computed (half-built document) just means no suggestion.
            return undefined;
        }
    }
}
