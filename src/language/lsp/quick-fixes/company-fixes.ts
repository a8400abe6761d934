import type { QuickFix } from './quick-fix.js';

/** Quick fixes for company diagnostics, keyed by diagnostic code. */
export const companyQuickFixes: Readonly<Record<string, QuickFix>> = {};
