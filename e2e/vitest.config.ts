import { defineConfig } from 'vitest/config';

// Browser tests against the real server (built tab, embedded database): one server for the run,
// files one after the other (each file uses its own pair of demo users).
export default defineConfig({
  test: {
    name: 'e2e',
    include: ['tests/**/*.test.ts'],
    globalSetup: ['./support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
