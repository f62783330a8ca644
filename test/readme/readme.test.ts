// Every code block of README.md runs as written: `sh` commands against the built binary (dist/cli/assay.js as
// `assay`), `ts` blocks as modules against the built library (dist/index.js as `assay`), `assay` blocks through the
// parser, and JSON shown as a command's output compared in shape with what the command prints now.
// In: README.md, dist/. Out: nothing; a temp folder per run (the commands' files go there, not into the repository).

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { transformSync } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRuleset } from '../../dsl/parse';

const ROOT = process.cwd();
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Commands not run, each with the reason: they install, start a server, or run this very suite. */
const SKIP = new Map<string, string>([
  ['npm install', 'installs packages (the test runs against this checkout)'],
  ['npm test', 'runs the whole suite, this test included'],
  ['npm run playground', 'starts an interactive dev server'],
]);

/** The command whose output each `json` block shows (by the block's order among the json blocks). */
const JSON_SOURCES: readonly (readonly string[])[] = [['eval', 'csp-assessment@0.9', 'rulesets/csp-assessment/platforms', '--format', 'json']];

interface Block {
  readonly lang: string;
  readonly code: string;
  readonly line: number;
}

function blocks(md: string): Block[] {
  const out: Block[] = [];
  for (const m of md.matchAll(/^```([\w-]*)\n([\s\S]*?)^```$/gm)) {
    out.push({ lang: m[1] ?? '', code: m[2] ?? '', line: md.slice(0, m.index).split('\n').length });
  }
  return out;
}

/** A folder to run commands in: the repository's rulesets, dist and package.json linked in, `assay` on the PATH. */
function sandbox(): { cwd: string; env: NodeJS.ProcessEnv } {
  const cwd = mkdtempSync(join(tmpdir(), 'assay-readme-'));
  for (const name of ['rulesets', 'dist', 'package.json', 'node_modules']) symlinkSync(join(ROOT, name), join(cwd, name));
  const bin = join(cwd, '.bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'assay'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist/cli/assay.js')}" "$@"\n`, { mode: 0o755 });
  return { cwd, env: { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1' } };
}

/** The commands of a `sh` block: comments dropped, `a && b` split. */
function commands(code: string): string[] {
  return code
    .split('\n')
    .map((l) => l.replace(/\s+#\s.*$/, '').trim())
    .filter((l) => l !== '' && !l.startsWith('#'))
    .flatMap((l) => l.split('&&').map((c) => c.trim()));
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function kind(v: Json): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** Where `actual` lacks the shape of `shown`: every key shown is there with a value of the same kind, recursively. */
function shapeDiff(shown: Json, actual: Json, path = '$'): string[] {
  if (kind(shown) !== kind(actual)) return [`${path}: shown ${kind(shown)}, printed ${kind(actual)}`];
  if (Array.isArray(shown) && Array.isArray(actual)) {
    const [s] = shown;
    const [a] = actual;
    return s === undefined || a === undefined ? [] : shapeDiff(s, a, `${path}[0]`);
  }
  if (kind(shown) === 'object') {
    const s = shown as Record<string, Json>;
    const a = actual as Record<string, Json>;
    return Object.keys(s).flatMap((k) => (Object.hasOwn(a, k) ? shapeDiff(s[k] as Json, a[k] as Json, `${path}.${k}`) : [`${path}.${k}: not printed`]));
  }
  return [];
}

const ALL = blocks(README);

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'ignore' });
}, 120_000);

describe('README.md', () => {
  it('has only blocks of kinds this test runs', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(5);
    expect(ALL.filter((b) => !['sh', 'ts', 'js', 'json', 'assay'].includes(b.lang)).map((b) => `line ${b.line}: \`${b.lang}\``)).toEqual([]);
  });

  it('sh blocks: every command runs and succeeds (only the listed ones are skipped)', () => {
    const { cwd, env } = sandbox();
    const skipped = new Set<string>();
    let ran = 0;
    for (const b of ALL.filter((x) => x.lang === 'sh')) {
      for (const c of commands(b.code)) {
        if (SKIP.has(c)) {
          skipped.add(c);
          continue;
        }
        const r = spawnSync('sh', ['-c', c], { cwd, env, encoding: 'utf8', timeout: 120_000 });
        expect({ line: b.line, command: c, code: r.status, err: r.status === 0 ? '' : r.stderr }).toEqual({ line: b.line, command: c, code: 0, err: '' });
        ran++;
      }
    }
    expect(ran).toBeGreaterThanOrEqual(8);
    // every skip is still needed (a command removed from the README leaves the list)
    expect([...SKIP.keys()].filter((k) => !skipped.has(k) && !README.includes(k))).toEqual([]);
  }, 300_000);

  it('ts blocks run as modules against the built library', () => {
    const ts = ALL.filter((b) => b.lang === 'ts' || b.lang === 'js');
    expect(ts.length).toBeGreaterThan(0);
    const dir = mkdtempSync(join(tmpdir(), 'assay-readme-ts-'));
    const lib = pathToFileURL(join(ROOT, 'dist/index.js')).href;
    for (const [n, b] of ts.entries()) {
      const js = transformSync(b.code, { loader: b.lang === 'ts' ? 'ts' : 'js', format: 'esm' }).code.replace(/from\s+['"]assay['"]/g, `from ${JSON.stringify(lib)}`);
      const file = join(dir, `block${n}.mjs`);
      writeFileSync(file, js);
      const r = spawnSync(process.execPath, [file], { cwd: ROOT, encoding: 'utf8' });
      expect({ line: b.line, code: r.status, err: r.stderr }).toEqual({ line: b.line, code: 0, err: '' });
    }
  });

  it('assay blocks parse without errors (a header is added when the block has none)', () => {
    const dsl = ALL.filter((b) => b.lang === 'assay');
    expect(dsl.length).toBeGreaterThan(0);
    for (const b of dsl) {
      const text = b.code.trimStart().startsWith('ruleset') ? b.code : `ruleset "readme" {\n  version "1"\n}\n${b.code}`;
      const errors = parseRuleset(text).diagnostics.filter((d) => d.severity === 'error');
      expect({ line: b.line, errors: errors.map((d) => `${d.code} ${text.slice(d.span.start, d.span.end)}`) }).toEqual({ line: b.line, errors: [] });
    }
  });

  it('JSON shown as output has the shape of what the command prints', () => {
    const json = ALL.filter((b) => b.lang === 'json');
    expect(json).toHaveLength(JSON_SOURCES.length);
    for (const [n, b] of json.entries()) {
      const r = spawnSync(process.execPath, [join(ROOT, 'dist/cli/assay.js'), ...(JSON_SOURCES[n] ?? [])], { cwd: ROOT, encoding: 'utf8' });
      const shown = JSON.parse(b.code) as Json;
      const printed = JSON.parse(r.stdout) as Json;
      expect({ line: b.line, diff: shapeDiff(shown, printed) }).toEqual({ line: b.line, diff: [] });
    }
  });
});
