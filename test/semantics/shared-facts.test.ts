import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { findRole } from '../../src/language/catalog/roles.js';
import { findService, findSetting } from '../../src/language/catalog/services.js';
import { AstUtils } from 'langium';
import { isMailAlias, isRoleUse, type Spec } from '../../src/language/generated/ast.js';
import {
    aliasTargetTexts, directMembers, groupsOf, groupsWithDirectMembers, localPartsOf, mailAddressesOf
} from '../../src/language/semantics/company-facts.js';
import { effectiveVms } from '../../src/language/semantics/placement.js';
import { freeNetwork, primaryVmsFor, sourceRoleOf, usableNetwork } from '../../src/language/semantics/server-facts.js';
import { formatCidr } from '../../src/language/semantics/ipv4.js';
import { serverContext } from '../../src/language/validation/server-context.js';
import { exampleDomain } from '../../src/language/validation/settings-validator.js';
import { parseSpec, services } from '../support/services.js';

/** The facts shared by validation, hover, outline and completion, read through one function each. */

async function spec(text: string): Promise<Spec> {
    const document = await parseSpec(text, false);
    expect(document.parseResult.parserErrors).toEqual([]);
    return document.parseResult.value;
}

afterEach(() => clearDocuments(services.shared));

describe('mail addresses of a company', () => {
    test('users (address and aliases), mail aliases and groups, in source order, each with what to blame', async () => {
        const [acme] = (await spec(`company acme { domain acme.example
            user alice { email a.liddell  aliases postmaster, abuse }
            user bob
            alias sales -> alice
            group staff }`)).companies;
        expect(mailAddressesOf(acme).map(a => `${a.localPart} ${a.owner.name} ${a.node.$type}.${a.property}${a.index ?? ''}`)).toEqual([
            'a.liddell alice UserEmail.localPart', 'postmaster alice UserAliases.aliases0', 'abuse alice UserAliases.aliases1',
            'bob bob User.name', 'sales sales MailAlias.name', 'staff staff Group.name'
        ]);
        expect([...localPartsOf(acme)]).toEqual(['a.liddell', 'postmaster', 'abuse', 'bob', 'sales', 'staff']);
    });

    test('alias targets as written, for hover and outline', async () => {
        const [acme] = (await spec('company acme { domain acme.example  user alice  alias sales -> alice, "x@example.org" }')).companies;
        expect(aliasTargetTexts(acme.members.find(isMailAlias)!)).toEqual(['alice', 'x@example.org']);
    });
});

describe('group membership', () => {
    test('direct members and populated groups follow resolved references only', async () => {
        const [acme] = (await spec(`company acme { domain acme.example
            user alice { groups staff }
            user bob { groups staf }
            group staff
            group ops }`)).companies;
        const [staff, ops] = groupsOf(acme);
        expect(directMembers(staff).map(u => u.name)).toEqual(['alice']);
        expect(directMembers(ops)).toEqual([]);
        expect([...groupsWithDirectMembers(acme)]).toEqual([staff]);
    });
});

describe('role sources', () => {
    const text = `company acme { domain acme.example  user a { aliases postmaster, abuse  admin }  services meet }
        server hv1 { public 203.0.113.10  hosts acme  vm auth  vm meet { runs meet } }
        server hv2 { public 203.0.113.20  network 10.1.0.0/24
            vm r { runs ldap from hv1.auth, videobridge for hv1.meet, mx from hv1.auth, ldap for hv1.auth } }`;

    test('the role a source must run: the same role for `from`, the Meet for `for`, none where no source is taken', async () => {
        const parsed = await spec(text);
        const uses = AstUtils.streamAst(parsed).filter(isRoleUse).filter(u => u.relation !== undefined).toArray();
        expect(uses.map(sourceRoleOf)).toEqual(['ldap', 'meet', undefined, undefined]);
    });

    test('primary VMs come from placement: a declared VM gets its conventional roles', async () => {
        const [hv1] = (await spec(text)).servers;
        const placement = effectiveVms(hv1);
        expect(primaryVmsFor(placement, 'ldap').map(vm => vm.name)).toEqual(['auth']);
        expect(primaryVmsFor(placement, 'meet').map(vm => vm.name)).toEqual(['meet']);
        expect(primaryVmsFor(placement, 'git')).toEqual([]);
    });

    test('the server rules share one placement per server', async () => {
        const parsed = await spec(text);
        const [hv1, hv2] = parsed.servers;
        const context = serverContext(hv2, [parsed]);
        expect(context.placementOf(hv2)).toBe(context.vms);
        expect(context.placementOf(hv1)).toBe(context.placementOf(hv1));
        expect(context.companies).toEqual([]);
        expect(context.servers).toEqual([hv1, hv2]);
        expect(serverContext(hv1, [parsed]).companies.map(c => c.name)).toEqual(['acme']);
    });
});

describe('guest networks', () => {
    test('a declared network is usable from /0 to /29; longer prefixes and invalid ones are not; none means the default', async () => {
        const servers = (await spec(`server a { network 10.1.0.0/29 }  server b { network 10.1.0.0/30 }
            server c { network 10.1.0.0/33 }  server d { }`)).servers;
        expect(servers.map(usableNetwork).map(n => n && formatCidr(n))).toEqual(['10.1.0.0/29', undefined, undefined, '10.0.0.0/24']);
    });

    test('a free network overlaps none of the taken ones', () => {
        expect(freeNetwork([])).toBe('10.0.0.0/24');
        expect(freeNetwork([{ network: 10 * 2 ** 24, prefix: 15 }])).toBe('10.2.0.0/24');
    });
});

describe('catalog look-ups by name', () => {
    test('find a role, a service or a setting; undefined for anything else', () => {
        expect(findRole('ldap')?.conventionalVm).toBe('auth');
        expect(findRole('ftp')).toBeUndefined();
        expect(findService('git')?.defaultHostname).toBe('git');
        expect(findService('ldap')).toBeUndefined();
        expect(findSetting('git', 'ssh-port')?.value.kind).toBe('port');
        expect(findSetting('git', 'quota')).toBeUndefined();
        expect(findSetting('nope', 'quota')).toBeUndefined();
    });
});

describe('suggested domains', () => {
    test('a company name becomes a valid DNS label under .example', () => {
        expect(exampleDomain('acme')).toBe('acme.example');
        expect(exampleDomain('my_shop')).toBe('my-shop.example');
        expect(exampleDomain('ACME')).toBe('acme.example');
        expect(exampleDomain('_')).toBe('company.example');
    });
});
