import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts', '**/*.test.tsx'],
    setupFiles: ['ui/test/setup.ts'],
    globalSetup: ['test/support/build-browser-code.ts'],
    exclude: ['**/node_modules/**', 'live-script/**'],
    // Integration tests start the simulator; give them room on a loaded 2-core CI machine.
    testTimeout: 20_000,
    hookTimeout: 20_000,
  },
});
