// A small ruleset for diff and impact tests, helpers that edit its text and diff two versions (checked to apply back).
// In: replacements (old text → new text, each must occur exactly once). Out: ruleset source text, diffs.

import { expect } from 'vitest';
import type { Ruleset } from '../../dsl/ast';
import { parseRuleset } from '../../dsl/parse';
import { applyEntries, diffAsts, toDiffJson, type DiffEntry, type DiffEntryJson } from '../../engine/analyses/diff/index';

export const L = (en: string) => `label { zh-Hans "${en}" zh-Hant "${en}" en "${en}" }`;

export const BASE = `ruleset "t" {
  version "1"
  status "draft"
  date 2026-01-01
  title { zh-Hans "测试" zh-Hant "測試" en "Test" }
}
method DR { ${L('review')} }
method TT { ${L('test')} }
input ok: boolean { ${L('ok')} }
input months: integer >= 0 { ${L('months')} }
dimension A {
  ${L('dim A')}
  weight 60
  indicator pue {
    ${L('pue')}
    weight 30
    type number >= 1
    unit "ratio"
    lower is better
    methods DR
    basis "b1"
    bands {
      <= 1.20: 100
      <= 1.40: 50
      else: 0
    }
  }
  indicator tier {
    ${L('tier')}
    weight 30
    type enum { a, b, c }
    higher is better
    methods DR
    map {
      a: 100
      b: 50
      c: 0
    }
  }
}
dimension B {
  ${L('dim B')}
  weight 40
  indicator scale {
    ${L('scale')}
    weight 20
    type integer >= 0
    higher is better
    methods TT
    bands {
      >= 100: 100
      >= 10: 50
      else: 0
    }
  }
  indicator green {
    ${L("green")}
    weight 20
    type percent
    higher is better
    methods DR
    bands {
      >= 50: 100
      else: 20
    }
  }
}
prerequisite P1 {
  ${L('legal')}
  require ok
}
veto V1 {
  ${L('bad pue')}
  when pue > 2
}
levels cumulative {
  level L2 {
    ${L('two')}
    require total >= 80
  }
  level L1 {
    ${L('one')}
    require total >= 50
  }
  fallback L0 {
    ${L('zero')}
  }
}
`;

/** `text` with each `[from, to]` replaced; throws when `from` does not occur exactly once. */
export function edit(text: string, ...changes: readonly (readonly [string, string])[]): string {
  let out = text;
  for (const [from, to] of changes) {
    const first = out.indexOf(from);
    if (first < 0 || out.indexOf(from, first + 1) >= 0) throw new Error(`\`${from}\` must occur exactly once`);
    out = out.slice(0, first) + to + out.slice(first + from.length);
  }
  return out;
}

/** The AST of a ruleset text that must parse without diagnostics. */
export function astOf(text: string): Ruleset {
  const r = parseRuleset(text);
  expect(r.diagnostics).toEqual([]);
  return r.ast;
}

/** The diff `base` → edited text, checked to apply back as a whole (no difference left); as JSON. */
export function checkedDiff(base: string, ...changes: readonly (readonly [string, string])[]): { entries: DiffEntryJson[]; raw: readonly DiffEntry[]; a: Ruleset; b: Ruleset } {
  const a = astOf(base);
  const b = astOf(edit(base, ...changes));
  const d = diffAsts(a, b);
  expect(diffAsts(applyEntries(a, d.entries), b).entries.map((e) => `${e.kind} ${e.target}`)).toEqual([]);
  return { entries: d.entries.map(toDiffJson), raw: d.entries, a, b };
}
