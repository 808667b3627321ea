// Builds the tab into tab/dist (served by the API process at /) and proxies /api to it in development.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The workspace is the first screen most users see: keep the libraries it needs in their own
    // long-cached chunks, and everything else (admin, settings, Teams SDK) loaded on demand.
    chunkSizeWarningLimit: 1024,
    target: 'es2022',
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3978', changeOrigin: true } },
  },
});
