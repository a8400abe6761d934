import type { DiagramResult, DiagramSpecError } from '../language/lsp/diagram-protocol.js';
import type { DiagramBanner } from './diagram-html.js';

/**
 * What the diagram panel shows after each answer of the server, as pure functions of the answer.
 *
 * A spec with errors keeps the last picture drawn without errors, greyed, under a banner saying it
 * is out of date and listing the first errors. Why not blank it: while someone types, the spec is
 * broken between most keystrokes, and a picture that vanishes and comes back on every one is
 * useless; a greyed picture with the reason on top is neither stale-without-saying nor jumpy.
 * With no picture yet (the spec was broken when the panel opened), the errors alone are shown.
 */

export type DiagramStatus = 'loading' | 'current' | 'out-of-date' | 'errors' | 'failed';

export interface DiagramState {
    readonly status: DiagramStatus;
    /** The last picture drawn without errors, and its VMs. */
    readonly drawn?: { readonly svg: string, readonly vms: readonly string[] };
    readonly errorCount: number;
    /** Up to LISTED_ERRORS errors as `file:line:col: message`, or the failure's message. */
    readonly messages: readonly string[];
}

export const LISTED_ERRORS = 5;

export const initialDiagramState: DiagramState = { status: 'loading', errorCount: 0, messages: [] };

export function nextDiagramState(previous: DiagramState, result: DiagramResult, label: (uri: string) => string): DiagramState {
    switch (result.status) {
        case 'ok':
            return { status: 'current', drawn: { svg: result.svg, vms: result.vms }, errorCount: 0, messages: [] };
        case 'spec-errors':
            return {
                status: previous.drawn ? 'out-of-date' : 'errors',
                ...(previous.drawn ? { drawn: previous.drawn } : {}),
                errorCount: result.errorCount,
                messages: result.errors.slice(0, LISTED_ERRORS).map(error => errorLine(error, label))
            };
        case 'failed':
            return { status: 'failed', ...(previous.drawn ? { drawn: previous.drawn } : {}), errorCount: 0, messages: [result.message] };
    }
}

function errorLine(error: DiagramSpecError, label: (uri: string) => string): string {
    return `${label(error.uri)}:${error.line + 1}:${error.character + 1}: ${error.message}`;
}

export function diagramBanner(state: DiagramState, specName: string): DiagramBanner | undefined {
    const errors = `${state.errorCount} error${state.errorCount === 1 ? '' : 's'}`;
    const more = state.errorCount > state.messages.length ? [`… and ${state.errorCount - state.messages.length} more (see Problems)`] : [];
    switch (state.status) {
        case 'loading':
            return { kind: 'out-of-date', heading: `Drawing ${specName}…`, items: [] };
        case 'current':
            return undefined;
        case 'out-of-date':
            return { kind: 'out-of-date', heading: `Out of date: ${specName} has ${errors}. This is the last picture drawn without errors.`, items: [...state.messages, ...more] };
        case 'errors':
            return { kind: 'errors', heading: `${specName} has ${errors}; the diagram is drawn once they are fixed.`, items: [...state.messages, ...more] };
        case 'failed':
            return { kind: 'failed', heading: state.messages[0] ?? 'The diagram could not be drawn.', items: [] };
    }
}
