// Builds the tab into tab/dist (served by the API process at /) and proxies /api to it in development.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** React, the query cache, and Fluent's core (styling, focus management, theme, the basic controls). */
const frameworkPackages = new RegExp(
  `node_modules/(${[
    'react',
    'react-dom',
    'scheduler',
    '@tanstack/query-core',
    '@tanstack/react-query',
    '@griffel/[^/]+',
    'tabster',
    'keyborg',
    '@swc/helpers',
    '@fluentui/react-(utilities|shared-contexts|theme|provider|tabster|jsx-runtime|context-selector|button|text|label|field|input|spinner)',
    '@fluentui/tokens',
  ].join('|')})/`,
);

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Screens, dialogs, menus, the Markdown preview and the Teams SDK load on demand (see bench/tab).
    chunkSizeWarningLimit: 1024,
    target: 'es2022',
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // What every screen needs, in one long-cached file instead of dozens of tiny ones.
            { name: 'framework', test: frameworkPackages, priority: 2 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3978', changeOrigin: true } },
  },
});
