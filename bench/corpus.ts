// The benchmark's platforms, the same in every isolate that builds them (deterministic).
// In: the model of csp-assessment@0.9, a count, the repository root. Out: `PlatformInput`s — the bundled samples and
// corpus, each copied with its numbers moved a little, and one in four generated near band boundaries.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEvidenceText } from '../engine/index';
import type { PlatformInput } from '../engine/evaluate';
import type { Model } from '../engine/model';
import { generatePlatforms, rng } from './generate';

export function corpusLike(model: Model, n: number, root: string): PlatformInput[] {
  const dirs = ['platforms', 'corpus'].map((d) => join(root, 'rulesets', 'csp-assessment', d));
  const bases = dirs.flatMap((d) =>
    readdirSync(d)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .flatMap((f) => parseEvidenceText(readFileSync(join(d, f), 'utf8'), f).platforms),
  );
  const r = rng(7);
  const move = (x: unknown): unknown => {
    if (typeof x === 'number') {
      if (r() < 0.7) return x;
      const decimals = (String(x).split('.')[1] ?? '').length;
      const f = 10 ** decimals;
      const y = Math.round((x + (r() - 0.5) * Math.max(1, Math.abs(x) * 0.05)) * f) / f;
      return y < 0 ? 0 : x <= 100 && y > 100 ? x : y;
    }
    if (x !== null && typeof x === 'object' && !Array.isArray(x)) return Object.fromEntries(Object.entries(x).map(([k, v]) => [k, move(v)]));
    return x;
  };
  const generated = generatePlatforms(model, Math.ceil(n / 4), 2026, { missing: 0.02, invalid: 0, boundary: 0.4 });
  const out: PlatformInput[] = [];
  for (let k = 0; k < n; k++) {
    if (k % 4 === 3) out.push(generated[(k - 3) / 4] as PlatformInput);
    else {
      const b = bases[Math.floor(r() * bases.length)] as PlatformInput;
      out.push({ platform: `${b.platform}-${k}`, evidence: move(JSON.parse(JSON.stringify(b.evidence))) });
    }
  }
  return out;
}
