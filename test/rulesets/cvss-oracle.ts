// An independent CVSS v3.1 base score, written from FIRST's specification alone (not from the ruleset): §7.1 base
// metrics equations, §7.4 metric values, Appendix A Roundup, §5 qualitative severity rating scale.
// In: a vector's eight base metrics (letters). Out: the base score and severity, computed in IEEE-754 doubles exactly as
// Appendix A prescribes (which is how the specification's reference calculator computes it).

export const METRICS = ['AV', 'AC', 'PR', 'UI', 'S', 'C', 'I', 'A'] as const;
export type Metric = (typeof METRICS)[number];
export type Vector = Readonly<Record<Metric, string>>;

/** §7.4 metric values, keyed by metric and letter. */
const AV: Readonly<Record<string, number>> = { N: 0.85, A: 0.62, L: 0.55, P: 0.2 };
const AC: Readonly<Record<string, number>> = { L: 0.77, H: 0.44 };
const PR_UNCHANGED: Readonly<Record<string, number>> = { N: 0.85, L: 0.62, H: 0.27 };
const PR_CHANGED: Readonly<Record<string, number>> = { N: 0.85, L: 0.68, H: 0.5 };
const UI: Readonly<Record<string, number>> = { N: 0.85, R: 0.62 };
const CIA: Readonly<Record<string, number>> = { H: 0.56, L: 0.22, N: 0 };

/** The letters each metric takes (§2, §6), in the order of §7.4's table. */
export const LETTERS: Readonly<Record<Metric, readonly string[]>> = {
  AV: ['N', 'A', 'L', 'P'],
  AC: ['L', 'H'],
  PR: ['N', 'L', 'H'],
  UI: ['N', 'R'],
  S: ['U', 'C'],
  C: ['H', 'L', 'N'],
  I: ['H', 'L', 'N'],
  A: ['H', 'L', 'N'],
};

function value(table: Readonly<Record<string, number>>, letter: string): number {
  if (!Object.hasOwn(table, letter)) throw new Error(`not a metric value: ${letter}`);
  return table[letter] as number;
}

/** Appendix A: Roundup, the smallest number with one decimal place ≥ its input, immune to floating-point error. */
export function roundup(input: number): number {
  const intInput = Math.round(input * 100000);
  return intInput % 10000 === 0 ? intInput / 100000.0 : (Math.floor(intInput / 10000) + 1) / 10.0;
}

/** §7.1 base score. */
export function baseScore(v: Vector): number {
  const changed = v.S === 'C';
  const iss = 1 - (1 - value(CIA, v.C)) * (1 - value(CIA, v.I)) * (1 - value(CIA, v.A));
  const impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
  const exploitability =
    8.22 * value(AV, v.AV) * value(AC, v.AC) * value(changed ? PR_CHANGED : PR_UNCHANGED, v.PR) * value(UI, v.UI);
  if (impact <= 0) return 0;
  return changed ? roundup(Math.min(1.08 * (impact + exploitability), 10)) : roundup(Math.min(impact + exploitability, 10));
}

/** §5 qualitative severity rating scale. */
export function severity(score: number): 'none' | 'low' | 'medium' | 'high' | 'critical' {
  if (score === 0) return 'none';
  if (score < 4.0) return 'low';
  if (score < 7.0) return 'medium';
  if (score < 9.0) return 'high';
  return 'critical';
}

/** Every combination of the base metrics: 4 × 2 × 3 × 2 × 2 × 3 × 3 × 3 = 2,592 vectors. */
export function allVectors(): Vector[] {
  let out: Record<string, string>[] = [{}];
  for (const m of METRICS) out = out.flatMap((partial) => LETTERS[m].map((letter) => ({ ...partial, [m]: letter })));
  return out as unknown as Vector[];
}

/** `CVSS:3.1/AV:N/AC:L/…` */
export function vectorString(v: Vector): string {
  return `CVSS:3.1/${METRICS.map((m) => `${m}:${v[m]}`).join('/')}`;
}
