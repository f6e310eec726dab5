// The analyst UI build: `vite build web` (part of `npm run build`) writes dist/web, which `interdict serve`
// serves at `/`. `vite web` runs a dev server that forwards API calls to a local `interdict serve`.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const API = process.env.INTERDICT_API ?? 'http://127.0.0.1:8000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  // Vite 8 transforms TSX with Oxc: React's automatic JSX runtime, no plugin needed
  oxc: { jsx: { runtime: 'automatic', importSource: 'react' } },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    reportCompressedSize: false,
  },
  server: { proxy: { '/v1': API, '/healthz': API, '/readyz': API } },
});
