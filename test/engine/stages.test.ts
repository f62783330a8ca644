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
