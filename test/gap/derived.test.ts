// The improvement search on a ruleset with derived values and a formula total: a derived value has no evidence, so
// a plan never changes it; it changes the evidence the derived value reads, and every plan reaches its target when
// assessed. A condition on a derived value that reads only facts (inputs) is a blocker naming those facts.
// In: a small ruleset. Out: plans (verified by assessing), blockers.

import { describe, expect, it } from 'vitest';
import { compileRuleset, type CompiledRuleset } from '../../engine/index';
import { gapJson, improvementPlans } from '../../engine/analyses/gap/index';

const L = 'label { zh-Hans "值" zh-Hant "值" en "Value" }';

function ruleset(totalFormula: boolean): CompiledRuleset {
  const text = `ruleset "derived-gap" {
  version "1"
  status "draft"
  title { zh-Hans "派生" zh-Hant "派生" en "Derived" }
  total 100
}

input region: enum { cn, hk } { ${L} }

derive uptime: enum { L, M, H } {
  ${L}
  formula if avail >= 99.9 then H else if avail >= 99 then M else L
}

derive balance: number {
  ${L}
  formula points(avail) * 0.5 + points(pue) * 0.5
}

derive local: boolean {
  ${L}
  formula region = cn
}
${totalFormula ? `\ntotal: number 0 to 100 {\n  ${L}\n  formula balance\n}\n` : ''}
dimension D {
  weight 100
  ${L}

  indicator avail {
    weight 50
    ${L}
    type number 0 to 100
    higher is better
    bands {
      >= 99.9: 100
      >= 99: 60
      else: 10
    }
  }

  indicator pue {
    weight 50
    ${L}
    type number >= 1
    lower is better
    bands {
      <= 1.3: 100
      <= 1.5: 50
      else: 0
    }
  }
}

levels {
  level gold {
    require uptime = H
    require balance >= 75
    require local
  }
  level silver {
    require uptime in {M, H}
  }
  fallback none {}
}
`;
  const c = compileRuleset(text, { checks: false });
  if (!c.ruleset) throw new Error(JSON.stringify(c.diagnostics.map((d) => d.code)));
  return c.ruleset;
}

for (const totalFormula of [false, true]) {
  describe(`gap with derived values${totalFormula ? ' and a formula total' : ''}`, () => {
    const rs = ruleset(totalFormula);

    it('changes the evidence a derived value reads, never the derived value', () => {
      const p = { platform: 'P', evidence: { region: 'cn', avail: 98.5, pue: 1.6 } };
      expect(rs.assess(p).level).toBe('none');
      const g = improvementPlans(rs, p, { target: 'gold' });
      expect(g.status).toBe('plans');
      const json = gapJson(rs, g, 'en') as { plans: { changes: Record<string, unknown>; reaches: string }[] };
      expect(json.plans.length).toBeGreaterThan(0);
      for (const plan of json.plans) {
        for (const key of Object.keys(plan.changes)) expect(['avail', 'pue']).toContain(key);
        const a = rs.assess({ platform: 'P', evidence: { ...p.evidence, ...plan.changes } });
        expect(a.level).toBe(plan.reaches);
        expect(a.level).toBe('gold');
      }
    });

    it('names the facts a derived condition reads when no indicator can fix it', () => {
      const g = improvementPlans(rs, { platform: 'P', evidence: { region: 'hk', avail: 99.95, pue: 1.2 } }, { target: 'gold' });
      expect(g.status).toBe('unreachable');
      expect(g.blockers.map((b) => [b.id, b.fields])).toEqual([['gold', ['region']]]);
    });
  });
}
