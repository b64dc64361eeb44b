import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = { '/api': { target: 'http://localhost:8080', changeOrigin: true } };

// Root is pinned so `vite build apps/web` and `vite build --config apps/web/vite.config.ts` agree.
export default defineConfig({
  root,
  plugins: [react()],
  // Workspace packages resolve to their TypeScript source, as everywhere else in the repository (ADR 0001).
  resolve: { conditions: ['sauda-source', ...defaultClientConditions] },
  // The manifest maps entry and lazy chunks to their files: bundle-budget.test.ts reads it.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: true, target: 'es2022', manifest: true },
  server: { port: 5173, proxy: api },
  preview: { port: 4173, proxy: api },
});
