import { defineConfig } from 'vitest/config';

/**
 * Four projects, so each file pays only for what it needs: jsdom and the
 * Storybook annotations only for ui/, the app and Storybook builds only
 * before the browser tests. Browser test files run one at a time, after the
 * others (two at once on a small machine make timing-sensitive tests flaky);
 * `npm test` runs them in a process of their own beside the rest.
 */
export default defineConfig({
  test: {
    exclude: ['**/node_modules/**', 'live-script/**', 'dist/**'],
    // Integration tests start the simulator; give them room on a loaded 2-core CI machine.
    testTimeout: 20_000,
    hookTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['{common,protocol,link,machines,bridge,cli,bench,fake-live}/**/*.test.ts'] },
      },
      {
        extends: true,
        test: { name: 'ui', include: ['ui/**/*.test.{ts,tsx}'], setupFiles: ['ui/test/setup.ts'] },
      },
      // the bridge, the command and the client core on the simulator (Python processes)
      { extends: true, test: { name: 'integration', include: ['test/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          globalSetup: ['test/support/build-browser-code.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
