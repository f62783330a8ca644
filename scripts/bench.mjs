// `npm run bench`: builds the CLI (for the cold-start figure), bundles bench/run.ts and the contenders' worker
// (bench/isolate.ts) side by side, an unminified CLI for profiles, and runs the benchmark in this process.
// In: arguments passed through (`--n 5000 --rounds 7 --quick --shared`). Out: the benchmark report on stdout.
import { build } from 'esbuild';
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

await import('./build.mjs');
mkdirSync('dist/bench', { recursive: true });
/** Bundled for Node, unminified: a profile's functions keep their names and esbuild's `// path.ts` comments. */
const forNode = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  banner: { js: "import { createRequire as __assayCreateRequire } from 'node:module'; const require = __assayCreateRequire(import.meta.url);" },
  logLevel: 'warning',
};
await build({ ...forNode, entryPoints: ['bench/run.ts', 'bench/isolate.ts'], outdir: 'dist/bench', outExtension: { '.js': '.mjs' } });
// The CLI again, unminified, for the profiles of targets not met (bench/why.ts): functions keep their names, and
// esbuild's `// path.ts` comments name each module's source file.
await build({ ...forNode, entryPoints: ['cli/assay.ts'], outfile: 'dist/bench/cli/assay.js' });
await import(pathToFileURL('dist/bench/run.mjs').href);
