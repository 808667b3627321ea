import { defineConfig } from 'vitest/config';

// Each workspace with a vitest.config.ts is one Vitest project; `npm test` runs them all.
export default defineConfig({
  test: {
    projects: ['*/vitest.config.ts'],
  },
});
