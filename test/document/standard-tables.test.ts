// The document Assay renders from 0.9.assay reproduces the tables of the standard's text (draft-0.9.md) cell by
// cell — ids, names in the three languages, type, direction, bands (bounds and points), methods with notes, basis,
// weights; prerequisites and vetoes; level thresholds and gates — and the 0.9 → 1.0 revision table has the twelve
// rows C01–C12 of final-1.0.md's change table with the same ids, numbers and names. In: the rulesets and the
// standard's text. Out: one failure per cell that differs. Both sides are read as Markdown tables.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lang } from '../../dsl/ast';
import { documentOf, renderDocument } from '../../engine/document/index';
import { RULESET_DIR, ruleset } from '../rulesets/load';
import { bandPairs, comparableTokens, conditionTokens, markdownTables, methodPairs, squeeze, type MdTable } from './tables';

const LANGS: readonly Lang[] = ['zh-Hans', 'zh-Hant', 'en'];
const standard = markdownTables(readFileSync(join(RULESET_DIR, 'draft-0.9.md'), 'utf8'));
const final = markdownTables(readFileSync(join(RULESET_DIR, 'final-1.0.md'), 'utf8'));
const v09 = ruleset('0.9');
const v10 = ruleset('1.0');

/** The tables of the document of `v` in each language. */
function rendered(model: typeof v09, against?: typeof v09): Record<Lang, MdTable[]> {
  const out = {} as Record<Lang, MdTable[]>;
  for (const lang of LANGS) {
    const doc = documentOf(model.model, lang, against ? { against: against.model } : {});
    out[lang] = markdownTables(renderDocument(doc, 'md'));
  }
  return out;
}

const doc09 = rendered(v09);

function table(tables: MdTable[], heading: RegExp): MdTable {
  const t = tables.find((x) => heading.test(x.heading));
  if (!t) throw new Error(`no table under a heading like ${heading}: ${tables.map((x) => x.heading).join(' | ')}`);
  return t;
}

describe('the document of 0.9 has the indicator tables of draft-0.9.md', () => {
  const dims = standard.filter((t) => /^[A-G] /.test(t.heading));
  it('seven dimension tables with their weights, 35 indicators', () => {
    expect(dims).toHaveLength(7);
    expect(dims.reduce((s, d) => s + d.rows.length, 0)).toBe(35);
    for (const d of dims) {
      const [id] = d.heading.split(' ');
      const weight = /weight (\d+)$/.exec(d.heading)?.[1];
      const ours = table(doc09.en, new RegExp(`^3\\.\\d ${id} `));
      expect(ours.heading.endsWith(`weight ${weight}`), ours.heading).toBe(true);
      expect(ours.rows.map((r) => r[0])).toEqual(d.rows.map((r) => r[0]));
    }
  });

  for (const d of dims) {
    const id = d.heading.split(' ')[0] ?? '';
    for (const [k, row] of d.rows.entries()) {
      const [rid = '', names = '', type = '', dir = '', bands = '', methods = '', basis = '', w = ''] = row;
      it(`${id} ${rid}: every cell`, () => {
        const mine = (lang: Lang): string[] => table(doc09[lang], new RegExp(`^3\\.\\d ${id} `)).rows[k] ?? [];
        const en = mine('en');
        expect(en[0]).toBe(rid);
        // names: the standard prints zh-Hans / zh-Hant / en in one cell; the document prints the reader's language
        expect([mine('zh-Hans')[1], mine('zh-Hant')[1], en[1]].join(' / ')).toBe(names);
        // type and unit: the standard's words all appear (it writes `enum full, partial`, Assay `enum { full, partial }`)
        expect(conditionTokens(en[2] ?? '')).toEqual(expect.arrayContaining(conditionTokens(type)));
        expect(/applies only when/.test(en[2] ?? '')).toBe(/applies only when/.test(type));
        expect(en[3]).toBe(dir);
        expect(bandPairs(en[4] ?? '')).toEqual(bandPairs(bands));
        expect(methodPairs(en[5] ?? '')).toEqual(methodPairs(methods));
        expect(en[6]).toBe(basis);
        expect(en[7]).toBe(w);
      });
    }
  }

  it('prerequisites and vetoes: ids, kinds, names and conditions', () => {
    const theirs = table(standard, /^4\. Prerequisites and vetoes/);
    const mine = (lang: Lang): MdTable => table(doc09[lang], /^4\. /);
    expect(mine('en').rows.map((r) => [r[0], r[1]])).toEqual(theirs.rows.map((r) => [r[0], r[1]]));
    theirs.rows.forEach((r, k) => {
      expect([mine('zh-Hans').rows[k]?.[2], mine('zh-Hant').rows[k]?.[2], mine('en').rows[k]?.[2]].join(' / ')).toBe(r[2]);
      // P4's condition is prose in the standard ("no veto is unknown"); Assay prints the rule that says it
      if (r[0] === 'P4') return;
      expect(conditionTokens(mine('en').rows[k]?.[3] ?? ''), `${r[0]}`).toEqual(conditionTokens(r[3] ?? ''));
    });
  });

  it('levels: ids, names, total, every dimension, further gates', () => {
    const theirs = table(standard, /^5\. Levels/);
    const mine = (lang: Lang): MdTable => table(doc09[lang], /^5\. /);
    expect(mine('en').rows).toHaveLength(theirs.rows.length);
    theirs.rows.forEach((r, k) => {
      const en = mine('en').rows[k] ?? [];
      expect([en[0], en[2], en[3]]).toEqual([r[0], r[2], r[3]]);
      expect([mine('zh-Hans').rows[k]?.[1], mine('zh-Hant').rows[k]?.[1], en[1]].join(' / ')).toBe(r[1]);
      const gates = (s: string): string[][] => (s === '—' || s === '' ? [] : s.split(';').map(conditionTokens));
      expect(gates(en[4] ?? ''), `${r[0]}`).toEqual(gates(r[4] ?? ''));
      // comparisons are printed as the standard prints them (`≥ 99.99`), not as the DSL writes them (`>= 99.99`)
      const ops = (s: string): string[] => s.match(/[≥≤≠<>=]/g) ?? [];
      expect(ops(en[4] ?? '')).toEqual(ops(r[4] ?? ''));
    });
  });

  it('a changed cell is caught: a band moved in the ruleset no longer matches the standard', () => {
    const text = readFileSync(join(RULESET_DIR, '0.9.assay'), 'utf8').replace('>= 1000: 100', '>= 1001: 100');
    const edited = documentOf(compileOrThrow(text).model, 'en');
    const a = table(markdownTables(renderDocument(edited, 'md')), /^3\.1 A /).rows[0]?.[4] ?? '';
    const b = table(standard, /^A /).rows[0]?.[4] ?? '';
    expect(bandPairs(a)).not.toEqual(bandPairs(b));
  });
});

import { compileRuleset } from '../../engine/index';
function compileOrThrow(text: string): NonNullable<ReturnType<typeof compileRuleset>['ruleset']> {
  const r = compileRuleset(text).ruleset;
  if (!r) throw new Error('did not compile');
  return r;
}

describe('the 0.9 → 1.0 revision table has the twelve rows of final-1.0.md', () => {
  const theirs = table(final, /version 1\.0/);
  const doc10 = rendered(v10, v09);
  const mine = (lang: Lang): MdTable => table(doc10[lang], /0\.9/);

  /** Which row of final-1.0.md a rendered row is, by what it changes (its change column). */
  function changeNumber(change: string): string | undefined {
    const has = (s: string): boolean => change.includes(s);
    if (has('dimension weights')) return 'C01';
    if (has('indicator added') && has('asset_inventory_consistency')) return 'C02';
    if (has('indicator removed') && has('support_response_p1')) return 'C03';
    if (has('indicator weight') && has('rack_occupancy')) return 'C04';
    if (has('renamed') && has('hot_spare_capacity_ratio')) return 'C05';
    if (has('renamed') && has('resource_delivery_latency')) return 'C06';
    if (has('veto changed') && has('V1')) return 'C07';
    if (has('band edge moved') && has('total_compute_scale')) return 'C08';
    if (has('band removed') && has('pue')) return 'C09';
    if (has('band removed') && has('service_availability')) return 'C10';
    if (has('vetoes added') && has('V5, V6')) return 'C11';
    if (has('levels and prerequisites') && has('L5, L4, P2')) return 'C12';
    return undefined;
  }

  it('twelve rows, C01–C12 each once, with the versions as column heads', () => {
    const en = mine('en');
    expect(en.head.slice(3)).toEqual(['0.9', '1.0']);
    expect(theirs.rows.map((r) => r[0])).toEqual(['C01', 'C02', 'C03', 'C04', 'C05', 'C06', 'C07', 'C08', 'C09', 'C10', 'C11', 'C12']);
    expect(en.rows.map((r) => changeNumber(r[2] ?? '')).sort()).toEqual(theirs.rows.map((r) => r[0]));
    for (const lang of LANGS) expect(mine(lang).rows).toHaveLength(12);
  });

  // Cells the standard writes as an explanation the ruleset does not hold: C03's new text says where the P1 response
  // target went (a clause of the SLA checked under interruption_compensation), which is prose, not a change of rules.
  const PROSE = new Set(['C03 1.0']);

  for (const r of theirs.rows) {
    const c = r[0] ?? '';
    it(`${c}: the ids, numbers and Chinese names of its 0.9 and 1.0 cells`, () => {
      const at = mine('en').rows.findIndex((x) => changeNumber(x[2] ?? '') === c);
      expect(at).toBeGreaterThanOrEqual(0);
      for (const [side, col] of [['0.9', 3], ['1.0', 4]] as const) {
        if (PROSE.has(`${c} ${side}`)) continue;
        // the subject (change column) and the cell, in the three languages (names are compared in their language)
        const ours = new Set(LANGS.flatMap((lang) => comparableTokens(`${mine(lang).rows[at]?.[2] ?? ''} ${mine(lang).rows[at]?.[col] ?? ''}`)));
        const cell = r[col === 3 ? 2 : 3] ?? '';
        if (cell === '—') {
          // nothing on that side (an addition): the document says so in every language
          for (const lang of LANGS) expect(mine(lang).rows[at]?.[col], `${c} ${side} ${lang}`).toBe('—');
          continue;
        }
        const want = comparableTokens(cell);
        expect(want.length, `${c} ${side}: nothing to compare`).toBeGreaterThan(0);
        expect([...want].filter((x) => !ours.has(x)), `${c} ${side} ids, numbers, names missing`).toEqual([]);
      }
    });
  }

  it('the table is the diff of the two versions: the same ruleset against itself has no row', () => {
    const same = documentOf(v10.model, 'en', { against: v10.model });
    expect(same.revision?.rows).toEqual([]);
    expect(renderDocument(same, 'md')).toContain('makes no change to the standard of version 1.0');
  });
});
