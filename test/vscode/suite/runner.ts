/**
 * A tiny check runner for the in-host suite: mocha would be one more thing to bundle into the
 * extension host for a dozen sequential checks. Each check is a named async function that
 * throws to fail; the runner times it and keeps going, so one failure does not hide the others.
 */

export interface CheckResult {
    readonly name: string;
    readonly ok: boolean;
    readonly ms: number;
    readonly error?: string;
}

export interface SuiteResults {
    readonly passed: number;
    readonly failed: number;
    readonly durationMs: number;
    readonly environment: Readonly<Record<string, string>>;
    readonly checks: readonly CheckResult[];
    /** What the code-server runner checks in the page after the suite (status bar text, diagram VMs). */
    readonly page: Readonly<Record<string, unknown>>;
}

export class Checks {
    readonly results: CheckResult[] = [];
    readonly page: Record<string, unknown> = {};

    /** Run one check; a thrown error (an assertion or a timeout) is its failure. */
    async check(name: string, run: () => Promise<void>): Promise<boolean> {
        const started = Date.now();
        try {
            await run();
            this.results.push({ name, ok: true, ms: Date.now() - started });
            return true;
        } catch (error) {
            const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
            this.results.push({ name, ok: false, ms: Date.now() - started, error: message });
            return false;
        }
    }

    summary(started: number, environment: Record<string, string>): SuiteResults {
        const failed = this.results.filter(r => !r.ok).length;
        return {
            passed: this.results.length - failed, failed, durationMs: Date.now() - started,
            environment, checks: this.results, page: this.page
        };
    }
}
