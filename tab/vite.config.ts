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

/** Everything first loads need from tab/src, but not the host SDKs (Teams, Office) nor on-demand notices. */
const appCore =
  /tab\/src\/(api\/(?!calendar-queries)|shell\/(?!notice-bar)|hosts\/(host|browser|pick-host)\.ts|time\/)/;

const workspaceModules =
  /tab\/src\/screens\/workspace\/(?!markdown-preview|meeting-menu-panel|meeting-dialogs)|node_modules\/@fluentui\/react-(checkbox|switch|link|badge|textarea)\//;

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
            { name: 'framework', test: frameworkPackages, priority: 3 },
            // The app's own core (client, cache hooks, routing, hosts, time) is small: one file, not twenty.
            { name: 'app', test: appCore, priority: 2 },
            // The workspace and the controls only it uses arrive together, in one request.
            { name: 'workspace', test: workspaceModules, priority: 1 },
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
