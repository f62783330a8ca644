// Fuzzing the lexer, parser, checker and evaluator with fast-check: random text, token soup, mutations of a
// small ruleset and of the bundled ones, deep nesting, very long lines, huge numbers, control characters and
// lone surrogates. Every case must satisfy `checkRuleset` (no throw, no hang, diagnostics with positions).

import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { hasErrors } from '../../dsl/diagnostics';
import { lineCol } from '../../dsl/source';
import { params, tally } from './budget';
import { checkRuleset } from './invariants';
import { hostileChar, mutated, numberText } from './mutate';

const HEADER = 'ruleset "fuzz" {\n  version "1"\n  status "draft"\n  date 2026-01-01\n  title { zh-Hans "模糊" zh-Hant "模糊" en "Fuzz" }\n  total 10\n}\n';

/** A small ruleset that uses every construct; mutations of it reach the checks quickly. */
const SMALL = `${HEADER}method DR { label { zh-Hans "文档" zh-Hant "文件" en "Doc" } }
input months: integer >= 0 { label { zh-Hans "月" zh-Hant "月" en "Months" } }
input fp64: boolean { label { zh-Hans "甲" zh-Hant "甲" en "A" } }
input tier: enum { gold, silver, none } { label { zh-Hans "乙" zh-Hant "乙" en "B" } }
dimension A {
  label { zh-Hans "维" zh-Hant "維" en "Dim" }
  weight 10
  indicator pue {
    label { zh-Hans "丙" zh-Hant "丙" en "C" }
    weight 4
    type number >= 1
    lower is better
    methods DR
    applies when fp64
    bands {
      <= 1.15: 100
      <= 1.30: 60
      else: 0
    }
  }
  indicator grade {
    label { zh-Hans "丁" zh-Hant "丁" en "D" }
    weight 3
    type enum { L1, L2, L3 }
    map {
      L1: 0
      L2: 50 when fp64 else 20
      L3: 100
    }
  }
  indicator adapt {
    label { zh-Hans "戊" zh-Hant "戊" en "E" }
    weight 3
    type object { frameworks: integer >= 0, architectures: integer 0 to 7 }
    bands {
      frameworks >= 4 and architectures >= 3: 100
      frameworks >= 2: 50
      else: 10
    }
  }
}
prerequisite P { label { zh-Hans "己" zh-Hant "己" en "F" } require months >= 6 and tier != none }
veto V { label { zh-Hans "庚" zh-Hant "庚" en "G" } when pue > 1.5 or tier = none }
levels cumulative {
  level L2 { label { zh-Hans "辛" zh-Hant "辛" en "H" } require total >= 8 require every dimension: share >= 80% }
  level L1 { label { zh-Hans "壬" zh-Hant "壬" en "I" } require total >= 6 require points(pue) >= 60 }
  fallback L0 { label { zh-Hans "癸" zh-Hant "癸" en "J" } }
}
`;

const WORDS = [
  'ruleset', 'version', 'status', 'date', 'title', 'total', 'method', 'input', 'dimension', 'indicator', 'label',
  'weight', 'type', 'unit', 'higher', 'lower', 'is', 'better', 'methods', 'basis', 'applies', 'when', 'formerly',
  'bands', 'map', 'formula', 'else', 'prerequisite', 'require', 'veto', 'levels', 'cumulative', 'level', 'fallback',
  'boolean', 'integer', 'number', 'percent', 'enum', 'object', 'to', 'if', 'then', 'every', 'some', 'in', 'not',
  'and', 'or', 'true', 'false', 'score', 'share', 'points', 'value', 'fired', 'decided', 'holds', 'min', 'max',
  'abs', 'known', 'zh-Hans', 'zh-Hant', 'en', '{', '}', '(', ')', ':', ',', '.', '>=', '<=', '>', '<', '=', '!=',
  '+', '-', '*', '/', '%', '"x"', '"文档"', 'a', 'b', 'x', 'A', 'L1', 'pue', '2026-01-01', '# c\n', '\n', '≥', '≠',
];

const tokenSoup = fc
  .tuple(fc.boolean(), fc.array(fc.oneof(fc.constantFrom(...WORDS), numberText, hostileChar), { maxLength: 60 }))
  .map(([head, ws]) => (head ? HEADER : '') + ws.join(' '));

const bundled = ['0.9', '1.0'].map((v) => ({ v, text: readFileSync(`rulesets/csp-assessment/${v}.assay`, 'utf8') }));

function nested(kind: number, n: number): string {
  const inner = 'months';
  switch (kind) {
    case 0:
      return `${'('.repeat(n)}${inner}${')'.repeat(n)} > 1`;
    case 1:
      return `${'not '.repeat(n)}fp64`;
    case 2:
      return `${'-'.repeat(n)}${inner} > 1`;
    case 3:
      return `${'if fp64 then '.repeat(n)}1${' else 0'.repeat(n)} > 0`;
    case 4:
      return Array(n).fill(inner).join(' + ') + ' > 3';
    case 5:
      return `${'every dimension: '.repeat(n)}share >= 50%`;
    default:
      return Array(n).fill('fp64').join(' and ');
  }
}

describe('fuzz: ruleset text', () => {
  it('random text (any code points, lone surrogates, control characters)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (s) => {
        checkRuleset(s);
      }),
      params('random text', 0.12),
    );
  });

  it('random text after a valid header', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (s) => {
        checkRuleset(HEADER + s);
      }),
      params('text after a header', 0.05),
    );
  });

  it('token soup from the language vocabulary', () => {
    fc.assert(
      fc.property(tokenSoup, (s) => {
        checkRuleset(s);
      }),
      params('token soup', 0.4),
    );
  });

  it('mutations of a small ruleset that uses every construct', () => {
    expect(checkRuleset(SMALL).diagnostics).toEqual([]);
    fc.assert(
      fc.property(mutated(SMALL), (s) => {
        checkRuleset(s, { assess: false });
      }),
      params('small ruleset mutations', 0.12),
    );
  });

  it('mutations of a small ruleset that still compile, assessed with sample evidence', () => {
    fc.assert(
      fc.property(mutated(SMALL), (s) => {
        checkRuleset(s, { assess: true });
      }),
      params('small ruleset mutations, assessed', 0.015),
    );
  });

  it('mutations of the bundled rulesets: no error, or errors with file, line and column', () => {
    fc.assert(
      fc.property(fc.constantFrom(...bundled), fc.integer(), (b, seed) => {
        const text = fc.sample(mutated(b.text), { numRuns: 1, seed })[0] ?? b.text;
        const r = checkRuleset(text);
        if (hasErrors(r.diagnostics)) {
          expect(r.ruleset).toBeUndefined();
          for (const d of r.diagnostics) {
            const { line, col } = lineCol(text, d.span.start);
            expect(`${d.file ?? 'fuzz.assay'}:${line}:${col}`).toMatch(/^[^:]+:\d+:\d+$/);
          }
        } else expect(r.ruleset).toBeDefined();
      }),
      params('bundled ruleset mutations', 0.012),
    );
  });

  it('deep nesting, long chains, long lines and huge numbers', () => {
    const shape = fc.oneof(
      fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 1, max: 400 })).map(([k, n]) => ({ where: 'veto', text: nested(k, n) })),
      fc.integer({ min: 1000, max: 200_000 }).map((n) => ({ where: 'name', text: 'x'.repeat(n) })),
      fc.integer({ min: 100, max: 100_000 }).map((n) => ({ where: 'number', text: `1${'0'.repeat(n)}.${'9'.repeat(n % 977)}` })),
      fc.integer({ min: 1000, max: 100_000 }).map((n) => ({ where: 'string', text: `"${'字'.repeat(n)}"` })),
    );
    fc.assert(
      fc.property(shape, ({ where, text }) => {
        const body =
          where === 'veto'
            ? `input months: integer >= 0\ninput fp64: boolean\nveto V { when ${text} }\n`
            : where === 'name'
              ? `input ${text}: number\n`
              : where === 'number'
                ? `dimension A { weight ${text} indicator a { weight ${text} type number bands { >= ${text}: 100 else: 0 } } }\n`
                : `method DR { label { zh-Hans ${text} zh-Hant ${text} en ${text} } }\n`;
        checkRuleset(HEADER + body, { assess: false });
      }),
      params('deep and huge', 0.005),
    );
  });
});

afterAll(() => {
  const total = [...tally.values()].reduce((a, b) => a + b, 0);
  console.log(`fuzz (ruleset text): ${total} cases: ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}`);
});
