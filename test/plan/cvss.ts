// A CVSS-like ruleset (LANG.md's example: CVSS v3.1 base score from derived values, lookup tables, powers and
// rounding, a formula total on 0–10) and its 2,592 base vectors, for the backends' differential tests and the bench.
// In: nothing. Out: `CVSS` (DSL text) and `baseVectors()` (every combination of the eight metrics as evidence).

const label = (en: string): string => `label { zh-Hans "${en}" zh-Hant "${en}" en "${en}" }`;

export const METRICS: readonly (readonly [string, readonly string[]])[] = [
  ['AV', ['N', 'A', 'L', 'P']],
  ['AC', ['L', 'H']],
  ['PR', ['N', 'L', 'H']],
  ['UI', ['N', 'R']],
  ['S', ['U', 'C']],
  ['C', ['H', 'L', 'N']],
  ['I', ['H', 'L', 'N']],
  ['A', ['H', 'L', 'N']],
];

export const CVSS = `ruleset "cvss" {
  version "3.1"
  status "published"
  title { zh-Hans "通用漏洞评分系统" zh-Hant "通用漏洞評分系統" en "Common Vulnerability Scoring System" }
  evidence required
  precision 4
}

${METRICS.map(([id, values]) => `input ${id}: enum { ${values.join(', ')} } { ${label(`Metric ${id}`)} }`).join('\n')}

derive iss: number {
  ${label('Impact sub-score (ISS)')}
  formula 1 - (1 - table C { H: 0.56, L: 0.22, N: 0 }) * (1 - table I { H: 0.56, L: 0.22, N: 0 })
              * (1 - table A { H: 0.56, L: 0.22, N: 0 })
}

derive impact: number {
  ${label('Impact')}
  formula if S = U then 6.42 * iss else 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ^ 15
}

derive exploitability: number {
  ${label('Exploitability')}
  formula 8.22 * table AV { N: 0.85, A: 0.62, L: 0.55, P: 0.2 } * table AC { L: 0.77, H: 0.44 }
    * table (PR, S) { (N, U): 0.85, (L, U): 0.62, (H, U): 0.27, (N, C): 0.85, (L, C): 0.68, (H, C): 0.5 }
    * table UI { N: 0.85, R: 0.62 }
}

total: number 0 to 10 {
  ${label('Base score')}
  formula if impact <= 0 then 0
    else if S = U then ceil(round(min(impact + exploitability, 10), 5, half_up), 1)
    else ceil(round(min(1.08 * (impact + exploitability), 10), 5, half_up), 1)
}

levels {
  level critical { require total >= 9.0 }
  level high { require total >= 7.0 }
  level medium { require total >= 4.0 }
  level low { require total >= 0.1 }
  fallback none
}
`;

/** Every base vector (4 × 2 × 3 × 2 × 2 × 3 × 3 × 3 = 2,592), as evidence objects. */
export function baseVectors(): Record<string, string>[] {
  let out: Record<string, string>[] = [{}];
  for (const [id, values] of METRICS) out = out.flatMap((ev) => values.map((v) => ({ ...ev, [id]: v })));
  return out;
}
