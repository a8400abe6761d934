import { defineConfig } from 'vitest/config';

export default defineConfig({
    test: {
        include: ['test/**/*.test.ts'],
        // The real-daemon checks have their own command: npm run test:configs.
        exclude: ['test/configs/**', 'node_modules/**'],
        testTimeout: 30000
    }
});
