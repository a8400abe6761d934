import { describe, expect, test } from 'vitest';
import { CompanyDsl, parseSpec } from '../support/services.js';
import { suggestedName } from '../../src/language/references/company-linker.js';

const spec = (body: string) => `
company acme "ACME" {
    domain acme.example
    user alice "Alice" { groups admins  aliases postmaster, abuse  admin }
    group admins "Administrators"
    ${body}
}
server hv1 {
    public 203.0.113.10 on wm0
    vm auth { runs ldap, dns }
}
server hv2 {
    public 203.0.113.11 on wm0
    network 10.1.0.0/24
    vm auth2 { runs ldap from hv1.auht }
}`;

async function linkingErrors(text: string) {
    const document = await parseSpec(text);
    return { document, errors: (document.diagnostics ?? []).filter(d => (d.data as { code?: string })?.code === 'linking-error') };
}

describe('linking errors', () => {
    test('name the kind of target, suggest the closest name and say what to do', async () => {
        const { errors } = await linkingErrors(spec('alias sales -> alcie'));
        const alias = errors.find(e => String(e.message).includes("'alcie'"));
        expect(alias?.message).toBe("There is no user, group or alias named 'alcie'. Did you mean 'alice'? To fix it, declare it in this "
            + 'company, write `company.name` for another company, or quote an outside address ("someone@example.org").');
        const vm = errors.find(e => String(e.message).includes("'hv1.auht'"));
        expect(vm?.message).toContain("There is no VM named 'hv1.auht'. Did you mean 'hv1.auth'?");
        expect(vm?.message).toContain('conventional VMs that are not written out cannot be referred to');
    });

    test('suggest nothing when no name is close', async () => {
        const { errors } = await linkingErrors(spec('alias sales -> zebediah'));
        const alias = errors.find(e => String(e.message).includes("'zebediah'"));
        expect(alias).toBeDefined();
        expect(suggestedName(String(alias!.message))).toBeUndefined();
    });

    test('the quick fix replaces the reference with the suggestion', async () => {
        const { document, errors } = await linkingErrors(spec('alias sales -> alcie'));
        const error = errors.find(e => String(e.message).includes("'alcie'"))!;
        const actions = await CompanyDsl.lsp.CodeActionProvider!.getCodeActions(document, {
            textDocument: { uri: document.textDocument.uri }, range: error.range, context: { diagnostics: [error] }
        });
        const action = actions?.find(a => a.title === "Change to 'alice'");
        expect(action).toBeDefined();
        const edit = ('edit' in action! ? action.edit : undefined)?.changes?.[document.textDocument.uri];
        expect(edit).toEqual([{ range: error.range, newText: 'alice' }]);
    });
});
