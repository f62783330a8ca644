// The synthetic corpus: regenerated identically by its script, large enough, and spread over every band of
// every indicator and every level and outcome. In: rulesets/csp-assessment/corpus/, scripts/gen-corpus.mjs.
// Out: pass/fail.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseEvidenceText } from '../../engine/index';
import { standing } from '../../engine/analyses/impact';
import { ROOT, RULESET_DIR, ruleset } from '../rulesets/load';

const DIR = join(RULESET_DIR, 'corpus');
const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();
const platforms = files.flatMap((f) => parseEvidenceText(readFileSync(join(DIR, f), 'utf8'), f).platforms);
const tmp = mkdtempSync(join(tmpdir(), 'assay-corpus-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('synthetic corpus', () => {
  it('is what the script generates (fixed seed)', () => {
    execFileSync(process.execPath, ['scripts/gen-corpus.mjs'], { cwd: ROOT, env: { ...process.env, ASSAY_CORPUS_OUT: tmp }, stdio: 'pipe' });
    const again = readdirSync(tmp).sort();
    expect(again).toEqual(files);
    for (const f of files) expect(readFileSync(join(tmp, f), 'utf8'), f).toBe(readFileSync(join(DIR, f), 'utf8'));
  });

  it('has at least 200 platforms, all readable', () => {
    expect(platforms.length).toBe(files.length);
    expect(platforms.length).toBeGreaterThanOrEqual(200);
  });

  for (const v of ['0.9', '1.0'] as const) {
    it(`meets every level and outcome, and every band and mapping entry, under ${v}`, () => {
      const r = ruleset(v);
      const results = platforms.map((p) => r.assess(p));
      const standings = new Set(results.map(standing));
      for (const s of ['L5', 'L4', 'L3', 'L2', 'L1', 'L0', 'vetoed', 'not_rated']) expect(standings, s).toContain(s);
      const unmet: string[] = [];
      for (const ind of r.model.indicators) {
        const s = ind.decl.scoring;
        const n = s?.kind === 'Bands' ? s.bands.length : s?.kind === 'Map' ? s.entries.length : 0;
        const seen = new Set(results.flatMap((a) => a.indicators.filter((i) => i.id === ind.id && i.matched !== undefined).map((i) => i.matched)));
        for (let k = 0; k < n; k++) if (!seen.has(k)) unmet.push(`${ind.id}#${k}`);
      }
      expect(unmet).toEqual([]);
    });
  }
});
