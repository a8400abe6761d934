import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { clearDocuments, expectHover, parseDocument, textDocumentPositionParams } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { KEYWORDS } from '../../src/language/catalog/keywords.js';
import type { Server, Vm } from '../../src/language/generated/ast.js';
import { effectivePlacement } from '../../src/language/lsp/effective-placement.js';
import { elementSummary } from '../../src/language/lsp/element-summary.js';
import { effectiveVms } from '../../src/language/semantics/placement.js';
import { CompanyDsl } from '../support/services.js';
import { CURSOR, hoverAt } from './lsp-helpers.js';

const hover = expectHover(CompanyDsl);
const acme = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'acme.company'), 'utf8');
const twoServers = readFileSync(join(import.meta.dirname, '..', '..', 'examples', 'two-servers.company'), 'utf8');

/** acme.company with the cursor put just inside the n-th occurrence of `needle` (0-based). */
function at(text: string, needle: string, occurrence = 0, into = 1): string {
    let index = -1;
    for (let i = 0; i <= occurrence; i++) {
        index = text.indexOf(needle, index + 1);
        if (index < 0) throw new Error(`"${needle}" #${occurrence} not in text`);
    }
    return text.slice(0, index + into) + CURSOR + text.slice(index + into);
}

describe('hover on keywords', () => {
    test('`domain` shows its syntax and summary from the keyword table', async () => {
        await hover({ text: 'company a { do<|>main a.example }', index: 0, hover: /domain acme\.example[\s\S]*DNS domain/, disposeAfterCheck: true });
    });

    test('`password-hash` shows the keyword doc, hovered anywhere on it', async () => {
        const text = await hoverAt('company a { user u { password-<|>hash "{SSHA}abc" } }');
        expect(text).toContain('slappasswd');
    });

    // Every keyword that can be hovered as a keyword where the example writes it.
    test.each(['company', 'user', 'group', 'alias', 'mail', 'services', 'server', 'os', 'public', 'network', 'mirror', 'resources', 'vm', 'runs', 'memory', 'cpus', 'disk', 'groups', 'aliases', 'admin', 'quota', 'email', 'includes', 'timezone', 'locale', 'max-message-size', 'spam-threshold', 'dkim-selector'])(
        'keyword `%s` in acme.company hovers with its table entry', async keyword => {
            const entry = KEYWORDS.find(k => k.keyword === keyword)!;
            // The keyword where it starts a member or a block, cursor on its second character.
            const match = new RegExp(`(?:\\n|\\{|  )[ \\t]*(${keyword})[\\s"]`).exec(acme);
            expect(match, `acme.company has no member starting with ${keyword}`).not.toBeNull();
            const index = match!.index + match![0].indexOf(keyword) + 1;
            const text = await hoverAt(acme.slice(0, index) + CURSOR + acme.slice(index));
            expect(text).toContain(entry.summary);
            expect(text).toContain(entry.syntax);
        });
});

describe('contextual hover on words that are both keyword and value', () => {
    test('a role in `runs` shows the role: summary, ports, requirements, conventional VM', async () => {
        const text = await hoverAt('server s { vm v { runs l<|>dap, mx } }');
        expect(text).toContain('OpenLDAP directory');
        expect(text).toContain('Conventional VM:** `auth`');
        const mx = await hoverAt('server s { vm v { runs ldap, m<|>x } }');
        expect(mx).toContain('25/tcp');
        expect(mx).toMatch(/Requires:\*\* `mail`, `dns`/);
    });

    test('`cloud` as a role, as a listed service and heading a service block says different things', async () => {
        expect(await hoverAt('server s { vm v { runs c<|>loud } }')).toContain('Nextcloud: files, calendars (CalDAV)');
        const listed = await hoverAt('company a { services website, c<|>loud }');
        expect(listed).toContain('**service** `cloud`');
        expect(listed).toContain('`quota`');
        const block = await hoverAt('company a { c<|>loud { quota 5 GB } }');
        expect(block).toContain('**service** `cloud`');
    });

    test('a setting key inside a service block shows that setting of that service', async () => {
        const quota = await hoverAt('company a { cloud { qu<|>ota 5 GB } }');
        expect(quota).toContain('**cloud setting** `quota`');
        expect(quota).toContain('Default: 10 GB');
        const registration = await hoverAt('company a { git { regist<|>ration open } }');
        expect(registration).toContain('Default: closed');
        expect(registration).toContain('`open` or `closed`');
    });

    test('`quota` on a user is the user keyword, not the cloud setting', async () => {
        const text = await hoverAt('company a { user u { qu<|>ota 5 GB } }');
        expect(text).toContain('mailbox and cloud storage quota');
        expect(text).not.toContain('cloud setting');
    });
});

describe('hover on declarations and references', () => {
    test('a user: doc comment, full name, address, groups, aliases, admin', async () => {
        const text = await hoverAt(at(acme, 'user alice', 0, 6));
        expect(text).toContain('Runs IT; receives postmaster and abuse mail.');
        expect(text).toContain('Alice Liddell');
        expect(text).toContain('`alice@acme.example`');
        expect(text).toContain('`admins`, `staff`');
        expect(text).toContain('`postmaster`, `abuse`, `hostmaster`');
        expect(text).toContain('**Admin:** yes');
    });

    test('a user with `email` uses it as the local part; a reference in an alias hovers the same', async () => {
        const text = await hoverAt(at(acme, 'alias sales -> alice, bob', 0, 23));
        expect(text).toContain('`bob.martin@acme.example`');
        expect(text).toContain('**Admin:** no');
    });

    test('a password hash is never shown', async () => {
        const text = await hoverAt(at(acme, 'user carol', 0, 6));
        expect(text).toContain('Carol Danvers');
        expect(text).toContain('from `password-hash` (not shown)');
        expect(text).not.toContain('SSHA');
        expect(text).not.toContain('W6ph5Mm5Pz8GgiULbPgzG37mj9g2bXRx');
    });

    test('a group: doc comment, description, direct members, included groups (hovered from `groups`)', async () => {
        const text = await hoverAt(at(acme, 'groups staff, developers', 0, 8));
        expect(text).toContain('Everyone at ACME.');
        expect(text).toContain('**Description:** Everyone');
        expect(text).toContain('**Members:** `alice`, `bob`, `carol`');
        expect(text).toContain('**Includes:** `admins`');
    });

    test('a company: display name, domain, counts, services', async () => {
        const text = await hoverAt(at(acme, 'company acme', 0, 9));
        expect(text).toContain('ACME, Inc.');
        expect(text).toContain('`acme.example`');
        expect(text).toContain('**Users:** 3');
        expect(text).toContain('**Groups:** 3');
        expect(text).toContain('`website`, `webmail`, `cloud`, `git`, `meet`');
    });

    test('a VM referenced as `north.auth` from another server: allocated address, roles, default resources', async () => {
        const text = await hoverAt(at(twoServers, 'from north.auth', 0, 12));
        expect(text).toContain('**vm** `auth` — on server `north`');
        // auth is a conventional VM name without a written address: its fixed slot is network + 10.
        expect(text).toContain('**Address:** `10.30.0.10` (allocated)');
        expect(text).toContain('**Roles:** `ldap`, `dns`');
        expect(text).not.toContain('Also runs');
        // ldap and dns need 256 MB each (roles catalog).
        expect(text).toContain('**Memory:** 512 MB (default for its roles)');
        expect(text).toContain('**CPUs:** 1 (default)');
        expect(text).toContain('**Disk:** 10 GB (default)');
    });

    test('a VM of acme.company without an address shows the one placement allocates', async () => {
        // Declared VMs come first in source order (auth .10, cloud .11), so meet gets .12.
        const text = await hoverAt(at(acme, 'vm meet', 0, 4));
        expect(text).toContain('**vm** `meet`');
        expect(text).toContain('**Address:** `10.0.0.16` (allocated)');
        expect(text).toContain('**Memory:** 4 GB');
        expect(text).toContain('**CPUs:** 2');
        expect(text).toContain('**Disk:** 10 GB (default)');
    });

    test('a VM gets the roles conventional placement adds to it, and memory for all of them', async () => {
        const text = await hoverAt(`company a { domain a.example  services cloud }
server s { public 203.0.113.10  vm c<|>loud { runs cloud } }`);
        expect(text).toContain('**Roles:** `cloud`');
        // cloud needs database, whose conventional VM is cloud: it joins the declared VM.
        expect(text).toContain('**Also runs:** `database` (conventional placement)');
        // cloud 1024 MB + database 512 MB.
        expect(text).toContain('**Memory:** 1536 MB (default for its roles)');
    });

    test('under explicit placement a VM gets only what it declares', async () => {
        const text = await hoverAt(`company a { domain a.example  services cloud }
server s { public 203.0.113.10  placement explicit  vm c<|>loud { runs cloud } }`);
        expect(text).not.toContain('Also runs');
        expect(text).toContain('**Memory:** 1 GB (default for its roles)');
    });

    test('a VM with an address and resources', async () => {
        const text = await hoverAt('server s { vm d<|>ata { address 10.0.0.30  memory 2 GB  cpus 2  disk 50 GB  runs database, cloud } }');
        expect(text).toContain('`10.0.0.30`');
        expect(text).toContain('**Memory:** 2 GB');
        expect(text).toContain('**CPUs:** 2');
        expect(text).toContain('**Disk:** 50 GB');
        expect(text).toContain('`database`, `cloud`');
    });

    test('a server: doc comment, public address, network, VMs', async () => {
        const text = await hoverAt(at(acme, 'server hv1', 0, 8));
        expect(text).toContain('The one physical server');
        expect(text).toContain('`203.0.113.10` on `wm0`');
        expect(text).toContain('`10.0.0.0/24`');
        expect(text).toContain('**Placement:** conventional');
        // Declared VMs first in source order, from .10 up; then the conventional VMs for the roles
        // nobody declared, in the order of CONVENTIONAL_VMS (auth, mx, mail, webmail, cloud, git, meet, rproxy, www).
        const vms = text!.split('\n').filter(line => line.startsWith('  - '));
        expect(vms).toEqual([
            '  - `auth` at `10.0.0.10`: `ldap`, `dns`',
            '  - `cloud` at `10.0.0.14`: `cloud`, `database`',
            '  - `meet` at `10.0.0.16`: `meet`',
            '  - `mx` at `10.0.0.11`: `mx` (conventional, not written out)',
            '  - `mail` at `10.0.0.12`: `mail` (conventional, not written out)',
            '  - `webmail` at `10.0.0.13`: `webmail` (conventional, not written out)',
            '  - `git` at `10.0.0.15`: `git` (conventional, not written out)',
            '  - `rproxy` at `10.0.0.17`: `proxy` (conventional, not written out)',
            '  - `www` at `10.0.0.18`: `website` (conventional, not written out)'
        ]);
    });

    test('a server marks a role placed by convention on a VM it writes out', async () => {
        const text = await hoverAt(`company a { domain a.example  services cloud }
server h<|>v { public 203.0.113.10  network 10.9.0.0/24  vm cloud { address 10.9.0.50  runs cloud } }`);
        expect(text).toContain('- `cloud` at `10.9.0.50`: `cloud`, `database` (by convention)');
        expect(text).toContain('- `auth` at `10.9.0.10`: `ldap`, `dns` (conventional, not written out)');
    });

    test('a server hosting nothing and declaring nothing has no VMs', async () => {
        const text = await hoverAt('server h<|>v { public 203.0.113.10 }');
        expect(text).toContain('**VMs:** none');
        expect(text).toContain('`10.0.0.0/24` (default)');
    });

    test('an alias: its targets, also when referenced from another alias', async () => {
        const text = await hoverAt(at(acme, 'alias info -> sales', 0, 15));
        expect(text).toContain('**alias** `sales`');
        expect(text).toContain('`alice`, `bob`');
        const info = await hoverAt(at(acme, 'alias info', 0, 7));
        expect(info).toContain('`sales`, `frontdesk@partner.example`');
    });

    test('a qualified group reference `globex.staff` hovers the group of that company', async () => {
        const text = await hoverAt(`company globex { group staff "Globex staff" }
company acme { user a { groups globex.st<|>aff } }`);
        expect(text).toContain('Globex staff');
    });

    test('a VM named like a role: the name hovers the VM, the role in `runs` the role', async () => {
        expect(await hoverAt('server s { vm m<|>ail { runs mail } }')).toContain('**vm** `mail`');
        expect(await hoverAt('server s { vm mail { runs m<|>ail } }')).toContain('Mailboxes: Postfix submission');
    });

    test('nothing to say on punctuation or whitespace', async () => {
        expect(await hoverAt('company a {<|> }')).toBeUndefined();
    });
});

describe('hover anywhere', () => {
    test('every position of acme.company hovers without failing, and never shows the password hash', async () => {
        const document = await parseDocument(CompanyDsl, acme);
        let hovered = 0;
        for (let offset = 0; offset <= acme.length; offset++) {
            const result = await CompanyDsl.lsp.HoverProvider!.getHoverContent(document, textDocumentPositionParams(document, offset));
            const value = result && typeof result.contents === 'object' && 'value' in result.contents ? result.contents.value : '';
            expect(value, `offset ${offset}`).not.toContain('W6ph5Mm5Pz8G');
            hovered += value ? 1 : 0;
        }
        expect(hovered).toBeGreaterThan(acme.length / 4); // comments, strings and spaces say nothing
        await clearDocuments(CompanyDsl.shared, [document]);
    });
});

describe('when placement cannot be worked out', () => {
    // A server outside any spec: placement needs the spec (which companies it hosts) and throws.
    const vm = { $type: 'Vm', name: 'v', settings: [] } as unknown as Vm;
    const server = { $type: 'Server', name: 's', members: [vm] } as unknown as Server;
    (vm as { $container: Server }).$container = server;

    test('placement fails here, so the fallback below is really taken', () => {
        expect(() => effectiveVms(server)).toThrow();
        expect(effectivePlacement(server)).toBeUndefined();
    });

    test('a VM hover shows the written facts instead of failing', () => {
        const text = elementSummary(vm);
        expect(text).toContain('**Address:** allocated automatically');
        expect(text).toContain('**Memory:** default (enough for its roles)');
    });

    test('a server hover lists the VMs written out', () => {
        expect(elementSummary(server)).toContain('**VMs:** `v`');
    });
});
