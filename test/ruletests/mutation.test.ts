// The repository's rule tests pin the bundled rulesets down: changing any single band bound, points value or
// rule threshold of 0.9 or 1.0 makes at least one case fail (issue #7, "Done when").
// In: each ruleset's text with one number changed (one step of its last printed digit, both ways; points by one).
// Equivalent mutants (no assessment can tell them apart) are listed in EQUIVALENT with the reason.
// Out: the mutants no case notices (expected: none). Cases run in-process through engine/analyses/testing.

import { describe, expect, it } from 'vitest';
import type { Expr, Span } from '../../dsl/ast';
import { Rational } from '../../engine/numbers/rational';
import { runCase, targetsOf, type TestCase, type TestFile } from '../../engine/analyses/testing/index';
import { bundled, bundledTests, compiled, rulesetText, VERSIONS, type Version } from './load';

interface Site {
  /** What is changed, for the failure message: `pue band 2 bound`, `L5 require 0`. */
  readonly what: string;
  /** Indicator whose cases should notice first (empty for rule thresholds). */
  readonly owner: string;
  readonly span: Span;
  readonly text: string;
  readonly kind: 'bound' | 'points' | 'rule';
}

/** Every number literal in an expression (`80%` included, as its number). */
function numbers(e: Expr, out: { span: Span; text: string }[] = []): { span: Span; text: string }[] {
  switch (e.kind) {
    case 'Num':
      out.push({ span: e.span, text: e.text });
      break;
    case 'Percent':
      out.push({ span: { start: e.span.start, end: e.span.start + e.text.length }, text: e.text });
      break;
    case 'Binary':
    case 'Compare':
      numbers(e.left, out);
      numbers(e.right, out);
      break;
    case 'Unary':
      numbers(e.operand, out);
      break;
    case 'In':
      numbers(e.operand, out);
      e.set.forEach((x) => numbers(x, out));
      break;
    case 'If':
      numbers(e.cond, out);
      numbers(e.then, out);
      numbers(e.otherwise, out);
      break;
    case 'Call':
      e.args.forEach((x) => numbers(x, out));
      break;
    case 'Quantified':
      numbers(e.body, out);
      break;
    default:
      break;
  }
  return out;
}

function sites(v: Version): Site[] {
  const r = compiled(rulesetText(v), `${v}.assay`);
  const out: Site[] = [];
  for (const ind of r.model.indicators) {
    const s = ind.decl.scoring;
    if (!s || s.kind === 'Formula') continue;
    const rows = s.kind === 'Bands' ? s.bands : s.entries;
    rows.forEach((row, i) => {
      if ('cond' in row) {
        const c = row.cond;
        const bound = c.kind === 'Compare' ? numbers(c.bound) : c.kind === 'Cond' ? numbers(c.expr) : [];
        for (const n of bound) out.push({ what: `${ind.id} band ${i} bound ${n.text}`, owner: ind.id, ...n, kind: 'bound' });
      }
      for (const x of [row.points.value, row.points.otherwise]) {
        if (x?.kind === 'Num') out.push({ what: `${ind.id} ${s.kind === 'Bands' ? 'band' : 'entry'} ${i} points ${x.text}`, owner: ind.id, span: x.span, text: x.text, kind: 'points' });
      }
    });
  }
  const rule = (what: string, x: Expr): void => {
    for (const n of numbers(x)) out.push({ what: `${what} ${n.text}`, owner: '', ...n, kind: 'rule' });
  };
  for (const p of r.model.prerequisites) p.requires.forEach((x, i) => rule(`${p.id} require ${i}`, x));
  for (const x of r.model.vetoes) if (x.when) rule(`${x.id} when`, x.when);
  for (const l of r.model.levels) l.requires.forEach((x, i) => rule(`${l.id} require ${i}`, x));
  return out;
}

/**
 * The changed texts of a site: a bound or threshold one step of its last digit up and down; points one less
 * (one more for 0): cases check points exactly, so one direction is as good as both.
 */
function mutations(s: Site): string[] {
  const q = Rational.parse(s.text);
  if (!q) throw new Error(`not a number: ${s.text}`);
  if (s.kind === 'points') return [q.isZero() ? '1' : q.sub(Rational.ONE).toDecimalString()];
  const places = s.text.includes('.') ? s.text.length - s.text.indexOf('.') - 1 : 0;
  const step = Rational.of(1n, 10n ** BigInt(places));
  const show = (x: Rational): string => x.toFixed(places);
  const out = [show(q.add(step)), show(q.sub(step))];
  return out.filter((t) => {
    const x = Rational.parse(t);
    return x !== undefined && x.sign() >= 0 && (s.kind !== 'points' || x.le(Rational.HUNDRED));
  });
}

/** Cases of one version, those that set the owner first (they notice a change of it soonest). */
function casesFor(files: readonly TestFile[], v: Version, owner: string): { tc: TestCase; file: string }[] {
  const all = files.flatMap((f) => f.cases.map((tc) => ({ tc, file: f.path })));
  const here = all.filter(({ tc }) => !tc.versions || tc.versions.includes(v));
  // A rule threshold is noticed first by the cases about rules and levels.
  const first = here.filter(({ tc, file }) => (owner === '' ? /(levels|rules)\.yaml$/.test(file) : Object.hasOwn(tc.set, owner)));
  return [...first, ...here.filter((c) => !first.includes(c))];
}

/**
 * Changes no assessment can notice, because a lower level (which `levels cumulative` also requires) has the same
 * gate: lowering L3's `every dimension: share >= 60%` leaves L2's; raising 1.0's L5 gap gate leaves L4's (C12).
 */
const EQUIVALENT: Readonly<Record<Version, readonly string[]>> = {
  '0.9': ['L3 require 1 60 → 59'],
  '1.0': ['L3 require 1 60 → 59', 'L5 require 3 5 → 6'],
};

describe('every single change to a threshold or points value fails a case', () => {
  const files = bundledTests();
  const base = bundled();

  it('the cases pass on the unchanged rulesets', () => {
    for (const { tc, file } of files.flatMap((f) => f.cases.map((tc) => ({ tc, file: f.path })))) {
      for (const t of targetsOf(tc, base).targets) {
        const r = runCase(tc, file, t);
        expect({ case: tc.name, version: r.version, status: r.status, mismatches: r.mismatches, problems: r.problems }).toMatchObject({
          status: 'pass',
        });
      }
    }
  });

  it('can fail: without the cases of dimension A, a change to a band of A goes unnoticed', () => {
    const text = rulesetText('0.9');
    const site = sites('0.9').find((s) => s.what === 'total_compute_scale band 1 bound 300');
    if (!site) throw new Error('no such site');
    const changed = text.slice(0, site.span.start) + '299' + text.slice(site.span.end);
    const target = { path: '0.9.assay', ruleset: compiled(changed, '0.9.assay', false) };
    const noticedBy = (fs: readonly TestFile[]) =>
      casesFor(fs, '0.9', site.owner).some(({ tc, file }) => runCase(tc, file, target, { explainFailures: false }).status !== 'pass');
    expect(noticedBy(files)).toBe(true);
    expect(noticedBy(files.filter((f) => !f.path.endsWith('dimension-a.yaml')))).toBe(false);
  });

  for (const v of VERSIONS) {
    for (const kind of ['bound', 'points', 'rule'] as const) {
      it(`${v}: every ${kind === 'bound' ? 'band bound' : kind === 'points' ? 'points value' : 'prerequisite, veto and level threshold'}`, () => {
        const text = rulesetText(v);
        const list = sites(v).filter((s) => s.kind === kind);
        expect(list.length).toBeGreaterThan(0);
        const survivors: string[] = [];
        let mutants = 0;
        for (const s of list) {
          for (const m of mutations(s)) {
            mutants++;
            const changed = text.slice(0, s.span.start) + m + text.slice(s.span.end);
            const path = `rulesets/csp-assessment/${v}.assay`;
            const target = { path, ruleset: compiled(changed, path, false) };
            const noticed = casesFor(files, v, s.owner).some(({ tc, file }) => runCase(tc, file, target, { explainFailures: false }).status !== 'pass');
            const name = `${s.what} → ${m}`;
            if (!noticed && !EQUIVALENT[v].includes(name)) survivors.push(name);
          }
        }
        expect(mutants).toBeGreaterThanOrEqual(list.length);
        expect(survivors).toEqual([]);
      }, 120_000);
    }
  }
});
