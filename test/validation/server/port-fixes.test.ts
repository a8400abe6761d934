import { clearDocuments } from 'langium/test';
import { afterEach, describe, expect, test } from 'vitest';
import { applyFix, diagnosticsWith, fixesFor } from '../../support/apply-fix.js';
import { parseSpec, services } from '../../support/services.js';

const company = (name: string, body: string) =>
    `company ${name} "${name}" {\n    domain ${name}.example\n    user a "A" { aliases postmaster, abuse  admin }\n${body}}\n`;
const SERVER = 'server hv1 {\n    public 203.0.113.10 on wm0\n}\n';

/** Errors and warnings of a fixed spec. */
async function problems(text: string): Promise<string[]> {
    return ((await parseSpec(text)).diagnostics ?? []).filter(d => (d.severity ?? 1) <= 2).map(d => `${d.code}: ${d.message}`);
}

afterEach(() => clearDocuments(services.shared));

describe('public-port-conflict quick fixes', () => {
    test('a second company on the default Gitea SSH port gets `git { ssh-port 2223 }` below its services', async () => {
        const text = company('acme', '    services git\n') + company('globex', '    services website, git\n') + SERVER;
        const result = await applyFix(text, 'public-port-conflict');
        expect(result.title).toBe('Set `git { ssh-port 2223 }` for globex');
        expect(result.text).toContain('    services website, git\n    git { ssh-port 2223 }\n}');
        expect(result.remaining).toEqual([]);
        expect(await problems(result.text)).toEqual([]);
    });

    test('a company with a one-line git block gets the setting added to it', async () => {
        const text = company('acme', '    services git\n') + company('globex', '    services git\n    git { registration closed }\n') + SERVER;
        const result = await applyFix(text, 'public-port-conflict');
        expect(result.text).toContain('    git { registration closed  ssh-port 2223 }\n');
        expect(await problems(result.text)).toEqual([]);
    });

    test('a multi-line git block gets a line of its own', async () => {
        const text = company('acme', '    services git\n')
            + company('globex', '    services git\n    git {\n        registration open\n    }\n') + SERVER;
        const result = await applyFix(text, 'public-port-conflict');
        expect(result.text).toContain('    git {\n        registration open\n        ssh-port 2223\n    }\n');
        expect(await problems(result.text)).toEqual([]);
    });

    test('a written ssh-port on the hypervisor\'s own SSH moves to the first free port from 2222', async () => {
        const text = company('acme', '    services git\n    git { ssh-port 22 }\n') + SERVER;
        const result = await applyFix(text, 'public-port-conflict');
        expect(result.title).toBe('Use ssh-port 2222');
        expect(result.text).toContain('git { ssh-port 2222 }');
        expect(await problems(result.text)).toEqual([]);
    });

    test('two roles on one port get no fix: which VM gives its role up is the admin\'s call', async () => {
        const text = company('acme', '') + 'server hv1 {\n    public 203.0.113.10 on wm0\n    vm mx1 { runs mx }\n    vm mx2 { runs mx }\n}\n';
        const [diagnostic] = await diagnosticsWith(text, 'public-port-conflict');
        expect(diagnostic).toBeDefined();
        expect(await fixesFor(text, diagnostic)).toEqual([]);
    });
});
