import { describe, expect, it } from 'vitest';
import { renderDiagramSvg } from '../../src/diagram/diagram.js';
import { renderDiagramFile } from '../../src/generator/diagram-file.js';
import type { Infrastructure } from '../../src/model/infrastructure.js';
import { resolveInfrastructure } from '../../src/model/resolve.js';
import { SecretStore } from '../../src/model/secrets.js';
import { EXAMPLES, generateExample, parseExample, resolveExample } from '../support/generation.js';
import { parseSvg } from './svg-parse.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

describe('diagram SVG', () => {
    for (const example of EXAMPLES) {
        it(`${example}: well-formed SVG with a box per VM, marked with its host id`, async () => {
            const infra = await resolveExample(example);
            const parsed = parseSvg(renderDiagramSvg(infra));
            expect(parsed.errors).toEqual([]);
            expect(parsed.root).toBe(`${SVG_NS} svg`);
            const marked = parsed.elements.filter(e => e.attributes['data-vm'] !== undefined).map(e => e.attributes['data-vm']);
            expect(marked).toEqual(infra.servers.flatMap(s => s.vms.map(vm => vm.host)));
            // Every arrow head it points at is defined.
            const ids = new Set(parsed.elements.map(e => e.attributes.id).filter(Boolean));
            parsed.elements.map(e => e.attributes['marker-end']).filter(Boolean)
                .forEach(ref => expect(ids.has(ref!.replace(/^url\(#(.*)\)$/, '$1')), ref).toBe(true));
            // No script, no style element, no event handler: it is shown in a webview that allows none.
            expect(parsed.elements.map(e => e.name)).not.toContain('script');
            expect(parsed.elements.map(e => e.name)).not.toContain('style');
            expect(parsed.elements.flatMap(e => Object.keys(e.attributes)).filter(a => /^on/i.test(a))).toEqual([]);
        });

        it(`${example}: never holds a secret of a freshly generated secrets store`, async () => {
            const document = await parseExample(example);
            const store = new SecretStore();
            const infra = resolveInfrastructure([document.parseResult.value], store);
            const svg = renderDiagramSvg(infra);
            const { passwords, tokens, keys } = store.snapshot();
            const values = [...Object.values(passwords), ...Object.values(tokens)];
            // A key is caught whole or by any one line of its base64 body.
            const keyLines = Object.values(keys).flatMap(pem => pem.split('\n').filter(line => line.length >= 16 && !line.startsWith('-----')));
            const hashes = infra.companies.flatMap(c => [
                c.directory.adminPasswordHash, c.mail.dkimTxt.replace(/^.*p=/, ''),
                ...c.users.map(u => u.passwordHash), ...c.directory.serviceAccounts.map(a => a.passwordHash)
            ]);
            expect(values.length).toBeGreaterThan(5);
            expect(keyLines.length).toBeGreaterThan(10);
            for (const secret of [...values, ...keyLines, ...hashes]) {
                expect(svg.includes(secret), `a secret (${secret.slice(0, 6)}…) is in the SVG`).toBe(false);
            }
        });

        it(`${example}: the same picture whatever the secrets (so the editor's panel shows what generation writes)`, async () => {
            const document = await parseExample(example);
            const a = renderDiagramSvg(resolveInfrastructure([document.parseResult.value], new SecretStore()));
            const b = renderDiagramSvg(await resolveExample(example));
            expect(a).toBe(b);
        });
    }

    it('escapes hostile names: markup, quotes, entities and characters XML forbids', async () => {
        const hostile = `<script>alert("x")</script> & 'q' ]]> &amp; \u0001\uFFFE${'\uD800'}`;
        const infra = withHostileNames(await resolveExample('acme'), hostile);
        const svg = renderDiagramSvg(infra);
        const parsed = parseSvg(svg);
        expect(parsed.errors).toEqual([]);
        expect(parsed.elements.map(e => e.name)).not.toContain('script');
        // The text reads back as written, with each forbidden character replaced by U+FFFD.
        const readable = hostile.replace(/[\u0001\uFFFE\uD800]/g, '\uFFFD');
        expect(parsed.texts.some(t => t.includes(readable))).toBe(true);
        expect(parsed.elements.some(e => e.attributes['data-vm'] === `${readable}.vm0`)).toBe(true);
    });

    it('is written as diagram.svg at the output root, and the deploy guide shows it', async () => {
        const files = await generateExample('acme');
        const diagram = files.find(f => f.path === 'diagram.svg');
        expect(diagram).toMatchObject({ host: null, mode: 0o644 });
        expect(diagram!.content).toBe(renderDiagramFile(await resolveExample('acme')).content);
        const guide = files.find(f => f.host === null && f.path === 'README.md')!.content;
        expect(guide.split('\n').slice(0, 5)).toContain('![Infrastructure](diagram.svg)');
    });
});

/** The model with `text` as the first company's display name and domain, the server's and every VM's name. */
function withHostileNames(infra: Infrastructure, text: string): Infrastructure {
    const [server] = infra.servers;
    return {
        companies: infra.companies.map((c, i) => (i === 0 ? { ...c, displayName: text, domain: text } : c)),
        servers: [{
            ...server!, name: text, fqdn: text,
            vms: server!.vms.map((vm, i) => ({ ...vm, name: `${text}${i}`, host: `${text}.vm${i}` }))
        }, ...infra.servers.slice(1)]
    };
}
