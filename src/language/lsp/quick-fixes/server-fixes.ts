import type { QuickFix } from './quick-fix.js';

/** Quick fixes for server diagnostics, keyed by diagnostic code. */
export const serverQuickFixes: Readonly<Record<string, QuickFix>> = {};
