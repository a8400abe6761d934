import type { AstNode, DiagnosticInfo } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import type { CompanyCode } from './company-codes.js';
import type { ServerCode } from './server-codes.js';

/**
 * Attach a code to a diagnostic twice: as `code`, which editors show and our code action provider
 * dispatches on, and inside `data`, which LSP keeps for code actions and `langium/test` looks at.
 * `extra` carries what a quick fix needs (a suggested name, a unit).
 */
export function coded<N extends AstNode>(code: CompanyCode | ServerCode, info: DiagnosticInfo<N>, extra: Record<string, unknown> = {}): DiagnosticInfo<N> {
    return { ...info, code, data: { code, ...extra } };
}

/** 1-based line of a node, for "first declared on line N". */
export const lineOf = (node: AstNode): number => (node.$cstNode?.range.start.line ?? 0) + 1;

/**
 * A diagnostic's code wherever it is kept: our rules set `code` (and `data.code`), Langium puts
 * the codes of its own lexing, parsing and linking errors in `data.code` only. Undefined when
 * there is none (an empty code counts as none). Quick fixes dispatch on it and the CLI prints it.
 */
export function diagnosticCode(diagnostic: Diagnostic): string | undefined {
    if (diagnostic.code !== undefined && diagnostic.code !== '') {
        return String(diagnostic.code);
    }
    const dataCode = (diagnostic.data as { code?: unknown } | undefined)?.code;
    return typeof dataCode === 'string' && dataCode !== '' ? dataCode : undefined;
}
