// Hostile names and strings cannot change what a generated module means. In: rulesets whose ids, enum values,
// object members, labels and ruleset id are drawn from names JavaScript gives meaning to (`__proto__`,
// `constructor`, the generated code's own identifiers) and strings with quotes, backslashes, `*/`, `${`, U+2028,
// U+2029; platforms with those keys, read from JSON text. Out: the module decides (and its full variant writes
// results) exactly as the reference, carries no label, and refuses to attach to another ruleset. (A ruleset id is
// checked to be a plain name, A807.)

import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileRuleset, GeneratedMismatch, generateDecider, generatedStats, withGenerated } from '../../engine/index';
import { decisionOf } from '../../engine/evaluate/result';
import type { PlatformInput } from '../../engine/evaluate/evaluate';
import { canon, loadRuleset } from '../plan/helpers';
import { attached, importModule } from './helpers';

/** Identifiers the DSL accepts that mean something to JavaScript or to the generated code. */
const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'prototype', 'e', 'o', 'n', 'p', 'k', 'kit', 'H', 'GP', 'OP', 'R', 'f0', 's1', 'y2', 'bad', 'exact', 'decide', 'make', 'eval', 'Function', 'Object', 'undefined', 'NaN', 'await', 'yield', 'arguments', 'this_'];
/** Strings that end or escape a literal, a comment or a template, or end a line in a script. */
const STRINGS = ['"', "'", '\\', '\\"', '*/', '/*', '${x}', '`', '\u2028', '\u2029', '</script>', '"; throw 1; "', '\\u0022', '\n', 'a\u2028b"\\*/${1}`'];

/** A DSL string literal of `s` (backslash and quote escaped; the DSL has no other escapes to fear here). */
function dsl(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, ' ')}"`;
}

function rulesetText(n: readonly string[], label: string, version: string): string {
  const [input, dimA, dimB, ia, ib, ic, e1, e2, e3, m1, m2, v1, p1, l2, l1, l0] = n as [string, string, string, string, string, string, string, string, string, string, string, string, string, string, string, string];
  return `ruleset "hostile-names" {
  version ${dsl(`1${version}`)}
  status "draft"
  title { en ${dsl(label)} }
  total 100
}
input ${input}: boolean {
  label { en ${dsl(label)} }
}
dimension ${dimA} {
  label { en ${dsl(label)} }
  weight 60
  indicator ${ia} {
    label { en ${dsl(label)} }
    weight 40
    type number >= 0
    higher is better
    bands {
      >= 50: 100
      >= 10.5: 60
      else: 10
    }
  }
  indicator ${ib} {
    weight 20
    type enum { ${e1}, ${e2}, ${e3} }
    higher is better
    applies when ${input}
    map {
      ${e1}: 100
      ${e2}: 50 when not ${input} else 20
      else: 0
    }
  }
}
dimension ${dimB} {
  weight 40
  indicator ${ic} {
    weight 40
    type object { ${m1}: integer >= 0, ${m2}: integer >= 0 }
    higher is better
    bands {
      ${m1} >= 3 and ${m2} >= 2: 100
      ${m1} >= 1: 40
      else: 20
    }
  }
}
veto ${v1} {
  when ${ib} = ${e3}
}
prerequisite ${p1} {
  require ${input} or ${ia} >= 1
}
levels cumulative {
  level ${l2} { require total >= 80 }
  level ${l1} { require every dimension: share >= 50% }
  fallback ${l0} { }
}
`;
}

/** Platforms as JSON text (so `__proto__` is an own key), with values on and off every edge, unknown and bad keys. */
function platformsOf(n: readonly string[], seed: number): PlatformInput[] {
  const [input, , , ia, ib, ic, e1, e2, e3, m1, m2] = n as string[];
  const out: PlatformInput[] = [];
  let x = seed;
  const r = (): number => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  for (let k = 0; k < 60; k++) {
    const fields: [string, unknown][] = [];
    if (r() < 0.9) fields.push([input as string, pick([true, false, null, 'yes'])]);
    if (r() < 0.9) fields.push([ia as string, pick([0, 1, 10.5, 10.49, 50, 49.99, 1000, -1, null, 'x'])]);
    if (r() < 0.9) fields.push([ib as string, pick([e1, e2, e3, 'nope', null, e1])]);
    if (r() < 0.9) fields.push([ic as string, pick([{ [m1 as string]: 3, [m2 as string]: 2 }, { [m1 as string]: 1, [m2 as string]: 0 }, { [m1 as string]: 0, [m2 as string]: 0 }, { [m1 as string]: 1 }, null, 5])]);
    if (r() < 0.3) fields.push([pick(['zzz', ...STRINGS, ...NAMES]), pick([1, 'v', true])]);
    if (r() < 0.5) fields.reverse();
    // Keys written as JSON text, read back with JSON.parse (duplicate keys: the last wins, as JSON.parse does).
    const text = `{${fields.map(([key, v]) => `${JSON.stringify(key)}:${JSON.stringify(v)}`).join(',')}}`;
    out.push({ platform: `P${k}`, evidence: JSON.parse(text) as unknown });
  }
  return out;
}

describe('generated modules and hostile names', () => {
  it('decide exactly as the reference whatever the ids, enum values, members, labels and version', async () => {
    let covered = 0;
    let refused = 0;
    let written = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(NAMES, { minLength: 16, maxLength: 16 }),
        fc.constantFrom(...STRINGS),
        fc.constantFrom(...STRINGS),
        fc.integer({ min: 1, max: 1_000_000 }),
        async (names, label, version, seed) => {
          const c = compileRuleset(rulesetText(names, label, version));
          // A declaration or member named `__proto__` is refused (A221): no JSON tool would keep its value.
          // Every name but the enum values (6–8) declares something or is a member.
          const declared = new Set(names.filter((_, k) => k < 6 || k > 8));
          const errors = c.diagnostics.filter((d) => d.severity === 'error');
          expect(errors.some((d) => d.code === 'A221')).toBe(declared.has('__proto__'));
          if (declared.has('__proto__')) {
            expect(errors.every((d) => d.code === 'A221')).toBe(true);
            refused++;
            return;
          }
          if (!c.ruleset) throw new Error(c.diagnostics.filter((d) => d.severity === 'error').map((d) => `${d.code} ${JSON.stringify(d.args)}`).join('; '));
          const r = c.ruleset;
          const g = generateDecider(r.model, r.identity.hash);
          // The module names no label: labels are not part of deciding.
          if (g.ok) {
            expect(g.source.includes(label) && label.length > 2).toBe(false);
            const mod = (await importModule(g.source)) as unknown as { rulesetId: string; rulesetVersion: string; hash: string };
            // The ruleset's strings come back exactly as data.
            expect(mod.rulesetId).toBe(r.model.id);
            expect(mod.rulesetVersion).toBe(r.model.version);
          }
          const a = await attached(r);
          const decider = 'why' in a ? r : a.ruleset;
          if (!('why' in a)) covered++;
          for (const p of platformsOf(names, seed)) {
            const want = decisionOf(r.assess(p, { engine: 'reference' }));
            expect(canon(decider.decide(p)), JSON.stringify(p.evidence)).toBe(canon(want));
            expect(canon(decider.decide(p, { messages: false })), JSON.stringify(p.evidence)).toBe(canon({ ...want, errors: [], warnings: [] }));
            // The full result (the module's full variant where it decides): the reference's, key for key.
            const full = decider.evaluate(p);
            const wantFull = r.evaluate(p, { engine: 'reference' });
            expect(JSON.stringify(full), JSON.stringify(p.evidence)).toBe(JSON.stringify(wantFull));
            expect(Object.keys(full.indicators)).toEqual(Object.keys(wantFull.indicators));
          }
          // The generated code decided some platforms itself (not everything went to the plan).
          if (!('why' in a)) {
            expect(generatedStats(a.ruleset)?.decided ?? 0).toBeGreaterThan(0);
            written += generatedStats(a.ruleset)?.written ?? 0;
          }
        },
      ),
      { numRuns: 60, seed: 20261205 },
    );
    expect(covered).toBeGreaterThan(20);
    expect(refused).toBeGreaterThan(5);
    expect(written).toBeGreaterThan(covered);
  });

  it('refuses to attach a module generated from another ruleset, or of another format', async () => {
    const r09 = loadRuleset('0.9');
    const r10 = loadRuleset('1.0');
    const g = generateDecider(r09.model, r09.identity.hash);
    if (!g.ok) throw new Error(g.why);
    const mod = await importModule(g.source);
    expect(() => withGenerated(r10, mod)).toThrow(GeneratedMismatch);
    expect(() => withGenerated(r09, { ...mod, format: mod.format + 1 })).toThrow(GeneratedMismatch);
    expect(() => withGenerated(r09, mod)).not.toThrow();
  });

  it('reports a ruleset it does not cover, and decide then uses the plan', async () => {
    const c = compileRuleset(`ruleset "f" {
  version "1"
  status "draft"
  total 100
}
dimension D {
  weight 100
  indicator x {
    weight 100
    type number >= 0
    formula min(100, x * 2)
  }
}
`);
    const r = c.ruleset;
    if (!r) throw new Error(c.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code).join(', '));
    const g = generateDecider(r.model, r.identity.hash);
    expect(g).toEqual({ ok: false, why: 'formula scoring' });
  });
});
