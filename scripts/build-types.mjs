// Emits the type declarations of the library (engine/index.ts and what it imports) into dist/types, then gives every
// relative import an explicit `.js` (or `/index.js`), so that consumers resolve them under any moduleResolution.
// In: tsconfig.build.json (`--out <dir>` to write elsewhere, for tests). Out: dist/types/**/*.d.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const at = process.argv.indexOf('--out');
const OUT = at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : 'dist/types';
rmSync(OUT, { recursive: true, force: true });
execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json', '--outDir', OUT], { stdio: 'inherit' });

function* files(dir) {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) yield* files(p);
    else if (p.endsWith('.d.ts')) yield p;
  }
}
for (const file of files(OUT)) {
  const text = readFileSync(file, 'utf8');
  const fixed = text.replace(/(from\s+|import\()(['"])(\.{1,2}\/[^'"]*)\2/g, (whole, pre, q, spec) => {
    if (/\.(js|json)$/.test(spec)) return whole;
    const base = resolve(dirname(file), spec);
    const target = existsSync(`${base}.d.ts`) ? `${spec}.js` : existsSync(join(base, 'index.d.ts')) ? `${spec}/index.js` : `${spec}.js`;
    return `${pre}${q}${target}${q}`;
  });
  if (fixed !== text) writeFileSync(file, fixed);
}
