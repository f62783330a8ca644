// Vite configuration of the playground (dev server and static build).
// In: playground/index.html and src/. Out: playground/dist/, relative paths so any static server (or a
// sub-folder) works offline; Monaco's and Assay's workers are emitted as separate ES module files.

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const repo = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root,
  base: './',
  // The bundled rulesets and sample platforms live outside playground/.
  server: { fs: { allow: [repo] } },
  worker: { format: 'es' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 6000,
    reportCompressedSize: false,
  },
});
