// The editors' guide runs as written: each docs/guide/<lang>.md is replayed top to bottom in a fresh folder.
// In: docs/guide/*.md, dist/cli/assay.js. Out: nothing (UPDATE_GOLDEN=1 rewrites the ```text blocks with what the
// commands print now, so a reviewer sees the change in the guide itself).
//
// Conventions of the guide's code blocks (the info string after the language):
// - ```assay file=NAME       written to NAME; `assay check NAME` must report no error
// - ```assay file=NAME expect=CODE   written to NAME; `assay check NAME` must fail and name CODE
// - ```yaml file=NAME        written to NAME
// - ```sh                    each line run with `assay` on the PATH; must exit 0 (or `expect-exit=N`)
// - ```text                  exactly what the preceding ```sh block printed

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = process.cwd();
const GUIDE = join(ROOT, 'docs/guide');
const UPDATE = process.env['UPDATE_GOLDEN'] === '1';

interface Block {
  readonly lang: string;
  readonly attrs: ReadonlyMap<string, string>;
  readonly code: string;
  /** Offsets of the code inside the file (for rewriting ```text blocks). */
  readonly start: number;
  readonly end: number;
  readonly line: number;
}

export function guideBlocks(md: string): Block[] {
  const out: Block[] = [];
  for (const m of md.matchAll(/^```([\w-]*)([^\n]*)\n([\s\S]*?)^```$/gm)) {
    const attrs = new Map<string, string>();
    for (const a of (m[2] ?? '').trim().split(/\s+/).filter(Boolean)) {
      const [k, v] = a.split('=');
      attrs.set(k ?? a, v ?? '');
    }
    const start = (m.index ?? 0) + m[0].indexOf('\n') + 1;
    out.push({ lang: m[1] ?? '', attrs, code: m[3] ?? '', start, end: start + (m[3] ?? '').length, line: md.slice(0, m.index).split('\n').length });
  }
  return out;
}

function sandbox(): { cwd: string; env: NodeJS.ProcessEnv } {
  const cwd = mkdtempSync(join(tmpdir(), 'assay-guide-'));
  for (const name of ['rulesets', 'dist', 'package.json', 'node_modules']) symlinkSync(join(ROOT, name), join(cwd, name));
  const bin = join(cwd, '.bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'assay'), `#!/bin/sh\nexec "${process.execPath}" "${join(ROOT, 'dist/cli/assay.js')}" "$@"\n`, { mode: 0o755 });
  return { cwd, env: { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, NO_COLOR: '1', COLUMNS: '200' } };
}

function run(line: string, box: { cwd: string; env: NodeJS.ProcessEnv }): { status: number; out: string } {
  const r = spawnSync('sh', ['-c', line], { cwd: box.cwd, env: box.env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status ?? -1, out: (r.stdout ?? '') + (r.stderr ?? '') };
}

const tidy = (s: string): string =>
  s
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .join('\n')
    .replace(/\n+$/, '');

const files = readdirSync(GUIDE).filter((f) => f.endsWith('.md') && f !== 'README.md');

describe('the editors’ guide', () => {
  it('exists in zh-Hans, zh-Hant and en, with the same examples in each', () => {
    expect(files.sort()).toEqual(['en.md', 'zh-Hans.md', 'zh-Hant.md']);
    const shape = (f: string): string[] =>
      guideBlocks(readFileSync(join(GUIDE, f), 'utf8'))
        .filter((b) => b.lang === 'assay' || b.lang === 'yaml')
        .map((b) => `${b.lang} ${b.attrs.get('file') ?? ''} ${b.attrs.get('expect') ?? ''}`);
    expect(shape('zh-Hans.md')).toEqual(shape('en.md'));
    expect(shape('zh-Hant.md')).toEqual(shape('en.md'));
  });

  for (const file of files) {
    it(`${file}: every example runs as written`, () => {
      const path = join(GUIDE, file);
      const md = readFileSync(path, 'utf8');
      const box = sandbox();
      const problems: string[] = [];
      const rewrites: { start: number; end: number; text: string }[] = [];
      let last: string | undefined;
      let examples = 0;
      for (const b of guideBlocks(md)) {
        const where = `${file}:${b.line}`;
        const name = b.attrs.get('file');
        if ((b.lang === 'assay' || b.lang === 'yaml') && name !== undefined) {
          writeFileSync(join(box.cwd, name), b.code);
          if (b.lang === 'assay') {
            examples++;
            const r = run(`assay check ${name}`, box);
            const code = b.attrs.get('expect');
            if (code === undefined && r.status !== 0) problems.push(`${where}: ${name} does not check:\n${r.out}`);
            if (code !== undefined && (r.status === 0 || !r.out.includes(code))) problems.push(`${where}: ${name} should fail with ${code}:\n${r.out}`);
          }
        } else if (b.lang === 'sh') {
          const outs: string[] = [];
          const expectExit = Number(b.attrs.get('expect-exit') ?? '0');
          for (const line of b.code.split('\n').map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('#'))) {
            const r = run(line, box);
            if (r.status !== expectExit) problems.push(`${where}: \`${line}\` exited ${r.status}, expected ${expectExit}:\n${r.out}`);
            outs.push(r.out);
          }
          last = tidy(outs.join(''));
        } else if (b.lang === 'text' && last !== undefined) {
          if (UPDATE) rewrites.push({ start: b.start, end: b.end, text: `${last}\n` });
          else if (tidy(b.code) !== last) problems.push(`${where}: the output shown differs from what the command prints:\n--- shown\n${tidy(b.code)}\n--- printed\n${last}`);
          last = undefined;
        }
      }
      if (UPDATE && rewrites.length > 0) {
        let text = md;
        for (const w of rewrites.reverse()) text = text.slice(0, w.start) + w.text + text.slice(w.end);
        writeFileSync(path, text);
      }
      expect(examples).toBeGreaterThan(5);
      expect(problems).toEqual([]);
    }, 240_000);
  }
});
