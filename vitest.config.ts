import { defineConfig } from 'vitest/config';

// Each workspace with tests is one Vitest project; `npm test` runs them all.
export default defineConfig({
  test: {
    projects: ['embedded-mongo', 'api'],
  },
});
