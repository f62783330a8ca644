// A test case from an assessment ("save the current preview as a test case", playground and tools).
// In: the assessment, the evidence that produced it, a case name (and optionally the version it applies to).
// Out: the case as plain data (the test-file format, exact expectations) and as YAML text of a whole test file.

import { stringify } from 'yaml';
import type { Rational } from '../../numbers/rational';
import { derivedData, type Assessment } from '../../evaluate/result';

/** A case in the test-file format (what `cases:` lists). */
export interface CaseData {
  name: string;
  versions?: string[];
  evidence: Record<string, unknown>;
  expect: {
    outcome: string;
    level: string | null;
    total?: number | string;
    dimensions?: Record<string, { score: number | string; share: number | string }>;
    indicators?: Record<string, { points: number | string | null; status: string }>;
    derived?: Record<string, number | string | boolean | null>;
    vetoes: string[];
    prerequisites_failed: string[];
    evidence_errors?: string[];
  };
}

/** The exact value as a YAML number when it prints exactly as one, else as text (`"8479/110"`). */
export function exactData(q: Rational): number | string {
  if (q.isFiniteDecimal()) {
    const s = q.toDecimalString(40);
    if (String(Number(s)) === s) return Number(s);
    return s;
  }
  return q.toFraction();
}

function plain(v: unknown, depth = 0): unknown {
  if (depth > 32) return null;
  if (Array.isArray(v)) return v.map((x) => plain(x, depth + 1));
  if (typeof v === 'object' && v !== null) {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v)) {
      Object.defineProperty(o, k, { value: plain(Object.getOwnPropertyDescriptor(v, k)?.value, depth + 1), enumerable: true, writable: true, configurable: true });
    }
    return o;
  }
  return v;
}

/**
 * The case that pins `assessment` down: outcome, level, total, every dimension's score and share and every
 * indicator's points and status and every derived value, exactly; vetoes and failed prerequisites; evidence errors
 * when invalid.
 */
export function caseFromAssessment(
  assessment: Assessment,
  evidence: unknown,
  name: string,
  opts: { version?: string } = {},
): { data: CaseData; yaml: string } {
  const a = assessment;
  const expect: CaseData['expect'] = {
    outcome: a.outcome,
    level: a.level,
    vetoes: a.vetoes.filter((v) => v.truth === true).map((v) => v.id),
    prerequisites_failed: a.prerequisites.filter((p) => p.truth !== true).map((p) => p.id),
  };
  if (a.outcome === 'invalid') expect.evidence_errors = [...new Set(a.errors.map((e) => e.field))];
  else {
    expect.total = exactData(a.total);
    expect.dimensions = Object.fromEntries(a.dimensions.map((d) => [d.id, { score: exactData(d.score), share: exactData(d.share) }]));
    expect.indicators = Object.fromEntries(
      a.indicators.map((i) => [i.id, { points: i.points === null ? null : exactData(i.points), status: i.status }]),
    );
    if (a.derived && a.derived.length > 0) expect.derived = Object.fromEntries(a.derived.map((d) => [d.id, derivedData(d.value, exactData)]));
  }
  const data: CaseData = {
    name,
    ...(opts.version !== undefined ? { versions: [opts.version] } : {}),
    evidence: (plain(evidence) as Record<string, unknown> | null) ?? {},
    expect,
  };
  const file = { cases: [data] };
  const yaml =
    '# yaml-language-server: $schema=../../../schemas/ruleset-tests.schema.json\n' +
    stringify(file, { lineWidth: 0, flowCollectionPadding: true, collectionStyle: 'block' });
  return { data, yaml };
}
