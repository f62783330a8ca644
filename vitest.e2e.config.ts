// Vitest configuration of the end-to-end suite: the built playground in headless Chromium.
// In: test/e2e/*.test.ts. Out: one worker, long timeouts; the global setup builds playground/dist when stale.

import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    testTimeout: 90_000,
    hookTimeout: 180_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
