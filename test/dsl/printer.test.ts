// Printer: canonical layout, idempotence and round trip on every snippet and on the real rulesets.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { toCanonical } from '../../dsl/canonical';
import { parseRuleset } from '../../dsl/parse';
import { printRuleset } from '../../dsl/printer';
import { HEADER, parseOk } from './helpers';
import { SNIPPETS } from './snippets';

function fmt(text: string): string {
  return printRuleset(parseOk(text));
}

const REAL = ['0.9', '1.0'].map((v) => [`csp-assessment ${v}`, readFileSync(new URL(`../../rulesets/csp-assessment/${v}.assay`, import.meta.url), 'utf8')] as const);

describe('printer', () => {
  it.each([...Object.entries(SNIPPETS), ...REAL])('is idempotent and round-trips: %s', (_name, text) => {
    const ast = parseOk(text);
    const printed = printRuleset(ast);
    const again = parseOk(printed);
    expect(printRuleset(again)).toBe(printed);
    expect(toCanonical(again)).toEqual(toCanonical(ast));
    expect(again.comments.map((c) => c.text)).toEqual(ast.comments.map((c) => c.text));
  });

  it('lays out a file canonically', () => {
    const text = `ruleset "x" { total 100 version "1" title { en "T" } }
input a: integer>=0 { unit "u" label { en "A" } }
input b: boolean
method DR {}
dimension D { indicator i { bands { >=1:100 else:0 } weight 1 label{en "I"} } weight 2 }
veto V { when not(a≥1) and (b or c) }
levels cumulative { fallback L0 {} level L1 { require total ≥ 1 } }
`;
    expect(fmt(text)).toBe(`ruleset "x" {
  version "1"
  title { en "T" }
  total 100
}

input a: integer >= 0 {
  label { en "A" }
  unit "u"
}

input b: boolean

method DR {}

dimension D {
  weight 2

  indicator i {
    label { en "I" }
    weight 1
    bands {
      >= 1: 100
      else: 0
    }
  }
}

veto V {
  when not a >= 1 and (b or c)
}

levels cumulative {
  level L1 {
    require total >= 1
  }

  fallback L0 {}
}
`);
  });

  it('puts a long label one entry per line', () => {
    expect(fmt(SNIPPETS['longLabel'] ?? '')).toContain(`  label {
    zh-Hans "一个很长很长很长很长很长很长很长很长的标签"
    zh-Hant "一個很長很長很長很長很長很長很長很長的標籤"
    en "A label that is long enough to be printed on several lines"
  }`);
  });

  it('uses minimal parentheses and keeps the ones that matter', () => {
    const e = (src: string): string => {
      const out = fmt(`${HEADER}veto V { when ${src} }`);
      return /when (.*)\n/.exec(out)?.[1] ?? '';
    };
    expect(e('((a + b)) * c')).toBe('(a + b) * c');
    expect(e('a - (b - c)')).toBe('a - (b - c)');
    expect(e('(a - b) - c')).toBe('a - b - c');
    expect(e('(a and b) or c')).toBe('a and b or c');
    expect(e('a and (b or c)')).toBe('a and (b or c)');
    expect(e('not (a and b)')).toBe('not (a and b)');
    expect(e('(not a) and b')).toBe('not a and b');
    expect(e('-(a + 1) * -(-b)')).toBe('-(a + 1) * --b');
    expect(e('(every dimension: share >= 80%) and x')).toBe('(every dimension: share >= 80%) and x');
    expect(e('(if a then b else c) + 1 > 0')).toBe('(if a then b else c) + 1 > 0');
    expect(e('(a = b) = c')).toBe('(a = b) = c');
    expect(e('x in {a,b} and y not in {c}')).toBe('x in {a, b} and y not in {c}');
  });

  it('prints numbers as written and strings with their escapes', () => {
    const out = fmt(`${HEADER}veto V { label { en "a\\"b\\\\c\\td\\u0001" } when x = 1.00 and y >= 80.50% }`);
    expect(out).toContain('label { en "a\\"b\\\\c\\td\\u0001" }');
    expect(out).toContain('when x = 1.00 and y >= 80.50%');
  });

  it('keeps every comment, trailing ones on their line', () => {
    expect(fmt(SNIPPETS['comments'] ?? '')).toBe(`# top
ruleset "t" {
  version "1"
}

# before the dimension
dimension A {  # after the brace
  weight 1  # trailing weight

  # before the indicator
  indicator a {
    bands {
      # before a band
      >= 1: 100  # after a band
      else: 0
    }
    # at the end of the indicator
  }
}  # after the dimension
# at the end
`);
  });

  it('prints a recovered tree without throwing', () => {
    const { ast } = parseRuleset(`${HEADER}prerequisite P { require a >= }`);
    expect(printRuleset(ast)).toContain('require a >= <error>');
  });
});

describe('printer: the language growth (#13) and long formulas', () => {
  const CVSS = `ruleset "cvss" { version "3.1" precision 4 evidence required }
input AV: enum { N, A, L, P } { required label { en "Attack vector" } }
derive iss: number { label { en "ISS" } formula 1 - (1 - table C { H: 0.56, L: 0.22, N: 0 }) * (1 - table I { H: 0.56, L: 0.22, N: 0 }) * (1 - table A { H: 0.56, L: 0.22, N: 0 }) }
derive rating: enum { N, L } { formula if iss > 0.5 then L else N }
total: number 0 to 10 {
  formula if iss <= 0 then 0 else if AV = N then ceil(round(min(iss + 8.22 * table AV { N: 0.85, A: 0.62, L: 0.55, P: 0.2 }, 10), 5, half_up), 1) else floor(-iss ^ 2 + (-iss) ^ -1, 2)
}
dimension D { indicator i { weight 1 required type number formula value } }
levels { level high { require total >= 7.0 } fallback none }
`;

  it('keeps every new construct and breaks long formulas at top-level operators and `else`', () => {
    expect(fmt(CVSS)).toBe(`ruleset "cvss" {
  version "3.1"
  evidence required
  precision 4
}

input AV: enum { N, A, L, P } {
  label { en "Attack vector" }
  required
}

derive iss: number {
  label { en "ISS" }
  formula 1 - (1 - table C { H: 0.56, L: 0.22, N: 0 }) * (1 - table I { H: 0.56, L: 0.22, N: 0 })
      * (1 - table A { H: 0.56, L: 0.22, N: 0 })
}

derive rating: enum { N, L } {
  formula if iss > 0.5 then L else N
}

total: number 0 to 10 {
  formula if iss <= 0 then 0
    else if AV = N
      then ceil(round(min(iss
              + 8.22 * table AV { N: 0.85, A: 0.62, L: 0.55, P: 0.2 }, 10), 5, half_up), 1)
    else floor(-iss ^ 2 + (-iss) ^ -1, 2)
}

dimension D {
  indicator i {
    weight 1
    type number
    required
    formula value
  }
}

levels {
  level high {
    require total >= 7.0
  }

  fallback none {}
}
`);
  });

  it('breaks a long table one entry per line, with its commas, and a long condition at `and`/`or`', () => {
    const out = fmt(`${HEADER}derive d { formula 8.22 * table (PR, S) { (N, U): 0.85, (L, U): 0.62, (H, U): 0.27, (N, C): 0.85, (L, C): 0.68, (H, C): 0.5, else: 0 } }
veto V { when declared_versus_measured_gap > 20 and some_other_rather_long_condition or yet_another_long_condition_name }`);
    expect(out).toContain(`  formula 8.22 * table (PR, S) {
        (N, U): 0.85,
        (L, U): 0.62,
        (H, U): 0.27,
        (N, C): 0.85,
        (L, C): 0.68,
        (H, C): 0.5,
        else: 0
      }
`);
    expect(out).toContain(`  when declared_versus_measured_gap > 20 and some_other_rather_long_condition
    or yet_another_long_condition_name
`);
    expect(Math.max(...out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(100);
  });

  it('keeps the comments inside a formula (before it, each on its own line), idempotently', () => {
    const text = `${HEADER}derive d {
  formula a_long_name_for_a_value   # why a
    + b                             # why b
    # and c
    - c
}
`;
    const once = fmt(text);
    expect(once).toBe(`${HEADER}
derive d {
  # why a
  # why b
  # and c
  formula a_long_name_for_a_value + b - c
}
`);
    expect(fmt(once)).toBe(once);
  });
});
