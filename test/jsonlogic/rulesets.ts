// Seeded random rulesets that use every construct of the language's growth, for the backends' differential tests.
// In: a seed. Out: DSL text with derived values (number, bounded, integer, enum, boolean), lookup tables on one and two
// keys (covering, or with `else`), ceil/floor/round (every mode, negative digits), whole-number powers (negative ones
// too), a formula total (bounded or not) or Σ scores, required inputs or `evidence required`, and indicators,
// vetoes, prerequisites and levels reading them.

import { prng } from './generate';

const LABEL = 'label { zh-Hans "值" zh-Hant "值" en "Value" }';

export function generatedRuleset(seed: number): string {
  const rnd = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const chance = (p: number): boolean => rnd() < p;
  const everything = chance(0.15);
  const out: string[] = [
    `ruleset "gen-${seed}" {\n  version "1"\n  status "draft"\n  date 2026-01-01\n  title { zh-Hans "生成" zh-Hant "生成" en "Generated" }\n  total 100${everything ? '\n  evidence required' : ''}${chance(0.3) ? `\n  precision ${pick([0, 2, 6])}` : ''}\n}\n`,
  ];
  const req = (): string => (!everything && chance(0.12) ? ' required' : '');
  out.push(`input e1: enum { a, b, c } { ${LABEL}${req()} }`);
  out.push(`input e2: enum { x, y } { ${LABEL}${req()} }`);
  out.push(`input n1: integer 0 to 20 { ${LABEL}${req()} }`);
  // Decimal evidence in arithmetic makes the JsonLogic export use doubles (noted); integers keep it exact.
  out.push(`input n2: ${chance(0.5) ? 'integer' : 'number'} >= 0 { ${LABEL}${req()} }`);
  out.push(`input b1: boolean { ${LABEL}${req()} }`);

  // Derived values: numbers (`nums`), enum values of { L, M, H } (`enums`), truth values (`bools`).
  const nums: string[] = ['n1', 'n2'];
  const enums: string[] = [];
  const bools: string[] = ['b1'];
  const num = (): string => pick(nums);
  const mode = (): string => pick(['half_up', 'half_even', 'half_down']);
  const table1 = (): string =>
    chance(0.5) ? `table e1 { a: ${pick(['1.5', '-2', '0.25'])}, b: ${num()}, c: ${pick(['3', '1 / 3', '0'])} }` : `table e1 { a: ${num()}, else: ${pick(['0.5', '-1', '7'])} }`;
  const table2 = (): string =>
    chance(0.5)
      ? `table (e1, e2) { (a, x): 1, (a, y): 2.5, (b, x): ${num()}, (b, y): -1, (c, x): 0.125, (c, y): 4 }`
      : `table (e1, e2) { (a, x): ${num()}, (c, y): 3, else: 0.5 }`;
  const numFormula = (): string =>
    pick([
      () => `round(${num()} * 1.55 + ${table1()}, ${pick([0, 1, 2, -1])}, ${mode()})`,
      () => `ceil(${num()} / 3${chance(0.5) ? `, ${pick([1, 2, -1])}` : ''})`,
      () => `floor(${num()} - ${pick(['2.5', '7', '0.05'])}${chance(0.5) ? `, ${pick([1, -1])}` : ''})`,
      () => `(${num()} - ${pick(['10', '0.5', '1'])}) ^ ${pick([2, 3, 5])}`,
      () => `${pick(['n1', 'n2'])} ^ -${pick([1, 2])}`,
      () => `${table2()} * ${num()}`,
      () => `if ${pick(bools)} then ${num()} else ${table1()}`,
      () => `1 - (1 - ${table1()}) * (1 - 0.22) ^ 2`,
    ])();
  const count = 3 + Math.floor(rnd() * 4);
  for (let k = 0; k < count; k++) {
    const id = `d${k}`;
    const kind = pick(['num', 'num', 'num', 'bounded', 'integer', 'enum', 'bool']);
    switch (kind) {
      case 'num':
      case 'bounded':
      case 'integer': {
        const type = kind === 'bounded' ? `: number ${pick(['0 to 50', '>= -5', '<= 100'])}` : kind === 'integer' ? ': integer' : chance(0.5) ? ': number' : '';
        const f = kind === 'integer' ? pick([`ceil(${numFormula()})`, `round(${num()}, 0, ${mode()})`, `floor(${num()} * 2)`, `${num()} * 2`]) : numFormula();
        out.push(`derive ${id}${type} {\n  ${LABEL}\n  formula ${f}\n}`);
        nums.push(id);
        break;
      }
      case 'enum': {
        const f = chance(0.5)
          ? `if ${num()} > ${pick(['10', '3.5', '0'])} then H else if ${num()} > 1 then M else L`
          : chance(0.5)
            ? 'table e1 { a: L, b: M, c: H }'
            : 'table (e1, e2) { (a, x): H, (b, y): M, else: L }';
        out.push(`derive ${id}: enum { L, M, H } {\n  ${LABEL}\n  formula ${f}\n}`);
        enums.push(id);
        break;
      }
      case 'bool': {
        const f = enums.length > 0 && chance(0.5) ? `${pick(enums)} in {M, H}` : `${num()} >= ${pick(['5', '0.5', '12'])} or ${pick(bools)}`;
        out.push(`derive ${id}: boolean {\n  ${LABEL}\n  formula ${f}\n}`);
        bools.push(id);
        break;
      }
    }
  }
  const rating = enums.length > 0 ? pick(enums) : undefined;

  // Dimensions whose indicators read derived values.
  out.push(`dimension D1 {
  weight 60

  indicator i1 {
    weight 30
    type integer 0 to 10
    formula min(100, max(0, round(value * 10 + ${num()}, 0, ${mode()})))
  }

  indicator i2 {
    weight 30
    type number >= 0
    applies when ${pick(bools)}
    bands {
      >= 50: 100
      >= 10: ${chance(0.5) ? 'min(100, max(0, ceil(value, -1)))' : '60'}
      else: 5
    }
  }
}

dimension D2 {
  weight 40

  indicator i3 {
    weight 10
    type enum { lo, hi }${everything || chance(0.1) ? '\n    required' : ''}
    map {
      hi: 100
      else: ${rating ? `table ${rating} { L: 10, M: 40, H: 70 }` : '20'}
    }
  }
}`);

  const hasTotal = chance(0.5);
  if (hasTotal) {
    const f = pick([
      `min(100, max(0, ${num()} * 3 + score(D1)))`,
      `ceil(round(min(${num()} + total0, 100), 3, ${mode()}), 1)`,
      `score(D1) + score(D2) + ${num()}`,
      `if ${pick(bools)} then 100 - ${num()} else floor(score(D1) + score(D2), 1)`,
    ]).replace('total0', `score(D2)`);
    const type = chance(0.6) ? `: number ${pick(['0 to 100', '>= 0', '-50 to 150'])} ` : ' ';
    out.push(`total${type}{\n  ${LABEL}\n  formula ${f}\n}`);
  }
  out.push(`veto V1 {\n  when ${pick(bools)} and ${num()} > ${pick(['15', '30.5'])}\n}`);
  out.push(`prerequisite P1 {\n  require known(${num()}) or ${rating ? `${rating} = H` : 'b1'}\n}`);
  out.push(`levels {
  level top {
    require total >= ${pick(['80', '60.5'])}
    ${rating ? `require ${rating} in {M, H}` : `require ${pick(bools)}`}
  }
  level mid {
    require total >= ${pick(['40', '25'])}
    require ${num()} ${pick(['>=', '<', '!='])} ${pick(['3', '0.5', '12'])}
  }
  fallback low {}
}`);
  return out.join('\n\n') + '\n';
}
