// Builds the `assay` CLI into one bundled ESM file (fast cold start) and the library entry point.
// In: cli/assay.ts, engine/index.ts. Out: dist/cli/assay.js (executable), its stream supervisor, dist/index.js.
import { build } from 'esbuild';
import { chmodSync, mkdirSync } from 'node:fs';

const banner = {
  js: "import { createRequire as __assayCreateRequire } from 'node:module'; const require = __assayCreateRequire(import.meta.url);",
};
mkdirSync('dist/cli', { recursive: true });
await build({
  entryPoints: ['cli/assay.ts'],
  outfile: 'dist/cli/assay.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner,
  // Minified: V8 compiles less text on every start (the CLI's cold start budget is 300 ms).
  minify: true,
  keepNames: true,
  legalComments: 'none',
  logLevel: 'warning',
});
chmodSync('dist/cli/assay.js', 0o755);
// The idle thread that watches a streamed corpus's workers: small, so that it does not load the whole CLI.
await build({
  entryPoints: ['cli/stream/supervisor.ts'],
  outfile: 'dist/cli/stream-supervisor.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
await build({
  entryPoints: ['engine/index.ts'],
  outfile: 'dist/index.js',
  bundle: true,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  format: 'esm',
  target: 'es2022',
  legalComments: 'none',
  logLevel: 'warning',
});
