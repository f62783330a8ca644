// The pipeline listing (engine/stages.ts) stays true: every stage's module exists and exports its entry point.
// In: STAGES. Out: pass/fail per stage.

import { describe, expect, it } from 'vitest';
import { STAGES } from '../../engine/stages';

const modules = import.meta.glob<Record<string, unknown>>(['../../engine/*.ts', '../../engine/*/*.ts', '../../dsl/*.ts']);

describe('stages', () => {
  for (const s of STAGES) {
    it(`${s.name}: ${s.module} exports ${s.entry}`, async () => {
      const load = modules[`../../${s.module}`];
      expect(load, s.module).toBeDefined();
      const mod = await load?.();
      expect(mod && Object.hasOwn(mod, s.entry)).toBe(true);
    });
  }
});

describe('compileRuleset runs the listed stages', () => {
  it('parse, model, check, in the listed order, each with a run', () => {
    expect(STAGES.filter((s) => s.run).map((s) => s.name)).toEqual(['parse', 'model', 'check']);
  });

  it('a ruleset with a syntax error gets the parse diagnostics and no check findings (the check stage skips it)', async () => {
    const { compileRuleset } = await import('../../engine/compile');
    const r = compileRuleset('ruleset "t" {\n  version "1"\n  status "draft"\n}\ninput x: number\nderive y { formula x + }\n');
    expect(r.ruleset).toBeUndefined();
    expect(r.diagnostics.some((d) => d.code.startsWith('A1'))).toBe(true);
    expect(r.model).toBeDefined();
  });
});
