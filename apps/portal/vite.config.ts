import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** apps/portal, whatever the working directory `vite` was started from. */
const portalRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * The portal build: `npm run build:portal` writes `<repo>/dist/portal`, which the engine serves
 * at `/` (index.html for client-side routes). `vite --config apps/portal/vite.config.ts` runs a
 * dev server that proxies the API to an engine on `BATON_ENGINE_URL` (default localhost:8080).
 */
export default defineConfig({
  root: portalRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/portal', import.meta.url)),
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
    // The bpmn-js modeler (with its lint rules, ~1 MB) and the form-js editor are large by nature and load
    // only when their pages open; the entry chunk stays well below this.
    chunkSizeWarningLimit: 1100,
  },
  server: {
    proxy: {
      '/v2': process.env.BATON_ENGINE_URL ?? 'http://localhost:8080',
    },
  },
});
