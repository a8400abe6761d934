import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, diagramHtml } from '../../src/extension/diagram-html.js';
import { diagramBanner, initialDiagramState, LISTED_ERRORS, nextDiagramState } from '../../src/extension/diagram-state.js';
import type { DiagramResult } from '../../src/language/lsp/diagram-protocol.js';

/** The diagram panel's page and what it shows after each answer: pure parts, without VS Code. */

const svg = '<svg xmlns="http://www.w3.org/2000/svg" data-companykit="diagram"><g data-vm="hv1.mx"/></svg>';
const ok: DiagramResult = { status: 'ok', svg, vms: ['hv1.mx'] };
const label = (uri: string) => uri.replace('file:///w/', '');
const errors = (count: number): DiagramResult => ({
    status: 'spec-errors', errorCount: count,
    errors: Array.from({ length: Math.min(count, 50) }, (_, i) => ({ uri: 'file:///w/acme.company', line: i, character: 4, message: `problem <${i}>` }))
});

describe('diagram panel page', () => {
    it('allows no script and only its own nonce\'d stylesheet', () => {
        const csp = contentSecurityPolicy('abc123');
        expect(csp).toContain("default-src 'none'");
        expect(csp).toContain("script-src 'none'");
        expect(csp).toContain("style-src 'nonce-abc123'");
        expect(csp).not.toContain('unsafe');
        const html = diagramHtml({ nonce: 'abc123', title: 'Diagram: acme.company', svg });
        expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${csp}">`);
        expect(html).toContain('<style nonce="abc123">');
        expect(html).not.toMatch(/<script/i);
        expect(html).toContain(svg);
    });

    it('escapes the banner, which quotes the spec', () => {
        const html = diagramHtml({ nonce: 'n', title: '<t>', banner: { kind: 'errors', heading: 'a <b>"c"</b>', items: ['<img src=x onerror=alert(1)>'] } });
        expect(html).not.toContain('<img');
        expect(html).not.toContain('<b>');
        expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
        expect(html).toContain('<title>&lt;t&gt;</title>');
    });
});

describe('diagram panel state', () => {
    it('shows the picture while the spec is valid', () => {
        const state = nextDiagramState(initialDiagramState, ok, label);
        expect(state).toMatchObject({ status: 'current', drawn: { svg, vms: ['hv1.mx'] } });
        expect(diagramBanner(state, 'acme.company')).toBeUndefined();
    });

    it('keeps the last good picture, marked out of date, with the first errors, when the spec breaks', () => {
        const state = nextDiagramState(nextDiagramState(initialDiagramState, ok, label), errors(8), label);
        expect(state.status).toBe('out-of-date');
        expect(state.drawn?.svg).toBe(svg);
        expect(state.messages).toHaveLength(LISTED_ERRORS);
        expect(state.messages[0]).toBe('acme.company:1:5: problem <0>');
        const banner = diagramBanner(state, 'acme.company')!;
        expect(banner.kind).toBe('out-of-date');
        expect(banner.heading).toBe('Out of date: acme.company has 8 errors. This is the last picture drawn without errors.');
        expect(banner.items.at(-1)).toBe('… and 3 more (see Problems)');
        const html = diagramHtml({ nonce: 'n', title: 't', svg: state.drawn!.svg, banner });
        expect(html).toContain('class="picture stale"');
        expect(html).toContain('problem &lt;0&gt;');
    });

    it('with no picture yet, shows the errors alone', () => {
        const state = nextDiagramState(initialDiagramState, errors(1), label);
        expect(state.status).toBe('errors');
        expect(state.drawn).toBeUndefined();
        expect(diagramBanner(state, 'acme.company')?.heading).toBe('acme.company has 1 error; the diagram is drawn once they are fixed.');
    });

    it('a fixed spec replaces the stale picture; a failure keeps it with the reason', () => {
        const broken = nextDiagramState(nextDiagramState(initialDiagramState, ok, label), errors(2), label);
        const newer = { ...ok, svg: svg.replace('hv1.mx', 'hv1.mx2'), vms: ['hv1.mx2'] };
        const fixed = nextDiagramState(broken, newer, label);
        expect(fixed).toMatchObject({ status: 'current', drawn: { vms: ['hv1.mx2'] }, messages: [] });
        const failed = nextDiagramState(fixed, { status: 'failed', message: 'The CompanyKit language server is not running.' }, label);
        expect(failed).toMatchObject({ status: 'failed', drawn: { vms: ['hv1.mx2'] } });
        expect(diagramBanner(failed, 'acme.company')).toEqual({ kind: 'failed', heading: 'The CompanyKit language server is not running.', items: [] });
    });
});
