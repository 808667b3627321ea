import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'manifest',
    include: ['src/**/*.test.ts'],
  },
});
