import { describe, expect, test } from 'vitest';
import type { Diagnostic } from 'vscode-languageserver';
import { formatDiagnostic } from '../../src/cli/diagnostic-format.js';
import { diagnosticCode } from '../../src/language/validation/report.js';
import { fixesFor } from '../support/apply-fix.js';

const at = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
const diagnostic = (fields: Partial<Diagnostic>): Diagnostic => ({ range: at, message: 'm', ...fields });

/** One reading of a diagnostic's code, shared by the quick fixes and the CLI, so the two never disagree. */
describe('diagnosticCode', () => {
    test('our rules\' `code`, else Langium\'s `data.code`, else none', () => {
        expect(diagnosticCode(diagnostic({ code: 'duplicate-setting', data: { code: 'duplicate-setting' } }))).toBe('duplicate-setting');
        expect(diagnosticCode(diagnostic({ data: { code: 'linking-error' } }))).toBe('linking-error');
        expect(diagnosticCode(diagnostic({ code: 7 }))).toBe('7');
        expect(diagnosticCode(diagnostic({}))).toBeUndefined();
        expect(diagnosticCode(diagnostic({ data: { code: 3 } }))).toBeUndefined();
    });

    test('an empty `code` counts as none, for the CLI and the quick fixes alike', async () => {
        const coded = diagnostic({ code: '', data: { code: 'size-missing-unit', unit: 'GB' } });
        expect(diagnosticCode(coded)).toBe('size-missing-unit');
        expect(formatDiagnostic({ file: 'a.company', diagnostic: coded })).toMatch(/\[size-missing-unit\]$/);
        const text = 'company a { domain a.example  user u { admin  aliases postmaster, abuse  quota 20 } }';
        const quota = text.indexOf('20');
        const range = { start: { line: 0, character: quota }, end: { line: 0, character: quota + 2 } };
        const fixes = await fixesFor(text, { ...coded, range });
        expect(fixes.map(f => f.title)).toEqual(['Write 20 GB']);
    });

    test('a diagnostic without any code is a syntax problem on the command line', () => {
        expect(formatDiagnostic({ file: 'a.company', diagnostic: diagnostic({}) })).toMatch(/\[syntax\]$/);
    });
});
