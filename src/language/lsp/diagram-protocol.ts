/**
 * The `companykit/diagram` request between the VS Code extension's diagram panel and the language
 * server. No imports, so the extension can use it without bundling the language or the generator.
 * The answer is the SVG the generator writes as diagram.svg (names, addresses, ports and roles
 * only: no secret is ever drawn), or the spec's errors.
 */

export const DIAGRAM_REQUEST = 'companykit/diagram';

export interface DiagramParams {
    /** The spec's document URI: a file, or an unsaved editor the server holds. */
    readonly uri: string;
}

/** One error of the spec (or of a document it depends on); 0-based positions, as in LSP. */
export interface DiagramSpecError {
    readonly uri: string;
    readonly line: number;
    readonly character: number;
    readonly message: string;
}

export interface DiagramDrawn {
    readonly status: 'ok';
    readonly svg: string;
    /** Host ids (`server.vm`) of every VM drawn, in the model's order. */
    readonly vms: readonly string[];
}

export interface DiagramSpecErrors {
    readonly status: 'spec-errors';
    /** How many errors in all; `errors` may list fewer. */
    readonly errorCount: number;
    readonly errors: readonly DiagramSpecError[];
}

/** The diagram could not be drawn (no such document, a fault): one sentence saying why. */
export interface DiagramFailed {
    readonly status: 'failed';
    readonly message: string;
}

export type DiagramResult = DiagramDrawn | DiagramSpecErrors | DiagramFailed;
