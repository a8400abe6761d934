import { describe, expect, it } from 'vitest';
import { outcomeOf, progressIncrement } from '../../src/extension/generate-messages.js';

describe('the Generate Infrastructure command\'s messages', () => {
    it('summarizes a written output: files, hosts, folder and what happened to each file', () => {
        expect(outcomeOf({
            status: 'written', outDir: '/w/generated/acme', files: 57, hosts: 10, written: 50, unchanged: 6, removed: 1, bytes: 123456
        })).toEqual({
            kind: 'success', outDir: '/w/generated/acme',
            message: 'Generated 57 files for 10 hosts in /w/generated/acme (50 written, 6 unchanged, 1 removed)'
        });
    });

    it('uses the singular for one', () => {
        const outcome = outcomeOf({ status: 'written', outDir: '/o', files: 1, hosts: 1, written: 0, unchanged: 1, removed: 0, bytes: 1 });
        expect(outcome.message).toBe('Generated 1 file for 1 host in /o (0 written, 1 unchanged, 0 removed)');
    });

    it('refuses a spec with errors with their count (all of them, not just those listed)', () => {
        expect(outcomeOf({ status: 'spec-errors', errorCount: 3, errors: [] }))
            .toEqual({ kind: 'spec-errors', message: 'The spec has 3 errors: fix them first' });
        expect(outcomeOf({ status: 'spec-errors', errorCount: 1, errors: [] }).message).toBe('The spec has 1 error: fix them first');
    });

    it('passes a failure\'s message through, and offers to overwrite only when the server says it can', () => {
        expect(outcomeOf({ status: 'failed', message: 'Generation failed: boom' }))
            .toEqual({ kind: 'failure', message: 'Generation failed: boom', overwritable: false });
        expect(outcomeOf({ status: 'failed', message: 'x', overwritable: true })).toMatchObject({ overwritable: true });
    });

    it('turns the server\'s absolute percentages into the increments withProgress adds up', () => {
        expect(progressIncrement(0, 30)).toBe(30);
        expect(progressIncrement(30, 80)).toBe(50);
        expect(progressIncrement(80, 50)).toBe(0);
        expect(progressIncrement(80, 250)).toBe(20);
        expect(progressIncrement(10, undefined)).toBe(0);
    });
});
