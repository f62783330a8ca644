// Where the generated module computes dimension shares. In: csp-assessment 0.9 (its levels read every share, no
// veto or prerequisite does) and a ruleset whose rules read no share. Out: shares are computed after the outcome
// is known to be graded, only for the dimensions a rule reads, and never when none is read.

import { describe, expect, it } from 'vitest';
import { compileRuleset, generateDecider } from '../../engine/index';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CSP, loadRuleset } from '../plan/helpers';

const calls = (source: string): number => (source.match(/\bshare\(/g) ?? []).length;

describe('generated shares', () => {
  it('are computed only for graded platforms when the levels alone read them (csp-assessment 0.9)', () => {
    const r = loadRuleset('0.9');
    const g = generateDecider(r.model, r.identity.hash);
    if (!g.ok) throw new Error(g.why);
    const graded = g.source.indexOf('if (oc !== "graded")');
    expect(graded).toBeGreaterThan(0);
    // One call per dimension, every one after the graded check (the kit's destructuring names `share` once).
    const body = g.source.slice(g.source.indexOf('return function decide'), g.source.indexOf('export function makeFull'));
    expect(calls(body)).toBe(r.model.dimensions.length);
    expect(body.indexOf('share(')).toBeGreaterThan(body.indexOf('if (oc !== "graded")'));
  });

  it('are not computed when no rule reads them', () => {
    // csp-assessment 0.9 without its levels' share conditions.
    const text = readFileSync(join(CSP, '0.9.assay'), 'utf8').replace(/^\s*require every dimension: share >= \d+%\s*$/gm, '');
    expect(text).not.toMatch(/share >=/);
    const c = compileRuleset(text);
    if (!c.ruleset) throw new Error(JSON.stringify(c.diagnostics.slice(0, 3)));
    const g = generateDecider(c.ruleset.model, c.ruleset.identity.hash);
    if (!g.ok) throw new Error(g.why);
    expect(calls(g.source.slice(g.source.indexOf('return function decide')))).toBe(0);
    expect(g.source).toContain('return function full');
  });
});
