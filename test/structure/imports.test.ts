// The import directions hold over the whole tree, and the checker that says so catches planted violations.
// In: every TypeScript file under dsl/, engine/, cli/, playground/ (read from disk); small in-memory file sets.
// Out: nothing; a failure names each violating file:line, the import and the rule it breaks.

import { readdirSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkImports, importsOf, resolve, violationText, type SourceFile } from './imports';

const ROOT = process.cwd();
const AREAS = ['dsl', 'engine', 'cli', 'playground'];
const SKIPPED_FOLDERS = new Set(['node_modules', 'dist']);
const BUILTINS = new Set(builtinModules.map((name) => name.replace(/^node:/, '')));

function treeFiles(folder: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const entry of readdirSync(join(ROOT, folder), { withFileTypes: true })) {
    const path = `${folder}/${entry.name}`;
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) files.push(...treeFiles(path));
    } else if (/\.(tsx?|mts|cts)$/.test(entry.name)) {
      files.push({ path, text: readFileSync(join(ROOT, path), 'utf8') });
    }
  }
  return files;
}

const check = (files: SourceFile[]): string[] => checkImports(files, BUILTINS).map(violationText);

describe('import directions of the tree', () => {
  const files = AREAS.flatMap(treeFiles);

  it('reads the whole tree, the playground worker included', () => {
    const paths = files.map((f) => f.path);
    expect(paths).toContain('playground/src/worker/assay.worker.ts');
    expect(paths).toContain('cli/assay.ts');
    expect(paths).toContain('engine/index.ts');
    expect(paths).toContain('dsl/index.ts');
    expect(files.length).toBeGreaterThan(150);
  });

  it('has no import against the directions', () => {
    expect(check(files)).toEqual([]);
  });
});

describe('the import checker', () => {
  it('finds static, type-only, re-export, dynamic, type-position and glob imports with their lines', () => {
    const text = [
      "import { a } from './a';",
      "import type { B } from '../dsl/ast';",
      "export { c } from './c.js';",
      'export * from "./d";',
      "const e = await import('./e');",
      "type F = import('./f').F;",
      "const g = import.meta.glob('../rulesets/*/*.assay', { query: '?raw' });",
      'import {',
      '  h,',
      "} from './h';",
      "import './side-effect.css';",
    ].join('\n');
    const sites = importsOf({ path: 'cli/x.ts', text }).map((s) => `${s.line} ${s.specifier} → ${String(s.target)}`);
    expect(sites).toEqual([
      '1 ./a → cli/a',
      '2 ../dsl/ast → dsl/ast',
      '3 ./c.js → cli/c',
      '4 ./d → cli/d',
      '5 ./e → cli/e',
      '6 ./f → cli/f',
      '7 ../rulesets/*/*.assay → rulesets/*/*.assay',
      '10 ./h → cli/h',
      '11 ./side-effect.css → cli/side-effect.css',
    ]);
  });

  it('resolves relative specifiers against the importing file and drops queries', () => {
    expect(resolve('playground/src/worker/a.ts', '../../../engine/index.js')).toBe('engine/index');
    expect(resolve('playground/src/a.ts', '../../docs/guide/en.md?raw')).toBe('docs/guide/en.md');
    expect(resolve('cli/a.ts', 'yaml')).toBeUndefined();
  });

  it('names each planted violation by file:line, import and rule', () => {
    const planted: SourceFile[] = [
      { path: 'dsl/bad.ts', text: "import { x } from '../engine/index';\nimport { readFileSync } from 'node:fs';" },
      { path: 'dsl/bare.ts', text: "import { join } from 'path';" },
      { path: 'engine/bad.ts', text: "// a comment\nexport { y } from '../cli/io';\nconst z = () => import('../playground/src/dom');" },
      { path: 'engine/fs.ts', text: "import type { Stats } from 'node:fs';" },
      { path: 'cli/bad.ts', text: "import type { Lang } from '../dsl/ast';\nimport { lineCol } from '../dsl/source';" },
      { path: 'cli/deep.ts', text: "import { suggest } from '../engine/support/suggest';" },
      { path: 'playground/src/worker/w.ts', text: "\n\nimport { impact } from '../../../engine/analyses/impact';" },
      { path: 'playground/src/v.ts', text: "const m = await import('../../engine/present/numbers');" },
    ];
    expect(check(planted)).toEqual([
      "cli/bad.ts:1 imports '../dsl/ast': cli/ reaches dsl/ only through dsl/index.ts",
      "cli/bad.ts:2 imports '../dsl/source': cli/ reaches dsl/ only through dsl/index.ts",
      "cli/deep.ts:1 imports '../engine/support/suggest': cli/ reaches engine/ only through engine/index.ts",
      "dsl/bad.ts:1 imports '../engine/index': dsl/ is below engine/: it imports nothing from engine/",
      "dsl/bad.ts:2 imports 'node:fs': dsl/ runs in the browser: no Node built-in",
      "dsl/bare.ts:1 imports 'path': dsl/ runs in the browser: no Node built-in",
      "engine/bad.ts:2 imports '../cli/io': engine/ imports nothing from the front ends (cli/)",
      "engine/bad.ts:3 imports '../playground/src/dom': engine/ imports nothing from the front ends (playground/)",
      "engine/fs.ts:1 imports 'node:fs': engine/ runs in the browser: no Node built-in",
      "playground/src/v.ts:1 imports '../../engine/present/numbers': playground/ reaches engine/ only through engine/index.ts",
      "playground/src/worker/w.ts:3 imports '../../../engine/analyses/impact': playground/ reaches engine/ only through engine/index.ts",
    ]);
  });

  it('lets the allowed directions through', () => {
    const allowed: SourceFile[] = [
      { path: 'engine/a.ts', text: "import { parseRuleset } from '../dsl/parse';\nimport { b } from './b';" },
      { path: 'cli/a.ts', text: "import { compileRuleset } from '../engine/index.js';\nimport type { Lang } from '../dsl/index';\nimport { x } from '../dsl';\nimport { readFileSync } from 'node:fs';" },
      { path: 'playground/src/a.ts', text: "const r = import.meta.glob('../../rulesets/*/*.assay');\nimport en from '../../docs/guide/en.md?raw';\nimport { parse } from 'yaml';" },
      { path: 'test/a.ts', text: "import { lex } from '../dsl/lexer';\nimport { x } from '../engine/model/hash';" },
    ];
    expect(check(allowed)).toEqual([]);
  });
});
