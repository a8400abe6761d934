import { defineConfig } from 'vitest/config';

/**
 * `npm run test:configs`: every example generated for Debian under a test root and each file run
 * through the real program that reads it (Debian 12 packages; .ci/run installs them).
 */
export default defineConfig({
    test: {
        include: ['test/configs/**/*.test.ts'],
        globalSetup: ['test/configs/support/summary.ts'],
        testTimeout: 180_000,
        hookTimeout: 180_000
    }
});
