// Issue 14 at the command line, in-process: each case of the issue run as written gives a clear message and, where
// the answer would otherwise be wrong, exit 1; `--lenient` scores with warnings; missing evidence is in the table,
// the JSON, `--decision` and NDJSON stream lines. In: sample P1 edited into a temp folder. Out: exit codes and text.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decisionLine } from '../../cli/stream/json';
import { compileRuleset, parseEvidenceText } from '../../engine/index';
import { toDecisionJson } from '../../engine/evaluate/result';

type Main = (argv: readonly string[], out: { out(s: string): void; err(s: string): void; tty: boolean }) => number;
let main: Main;
let dir: string;
const R = 'rulesets/csp-assessment/1.0.assay';

beforeAll(async () => {
  process.env['ASSAY_NO_MAIN'] = '1';
  main = (await import('../../cli/assay')).main;
  dir = mkdtempSync(join(tmpdir(), 'assay-intake-'));
  const p1 = readFileSync('rulesets/csp-assessment/platforms/p1-hub-operator.yaml', 'utf8');
  const edit = (name: string, f: (s: string) => string): void => writeFileSync(join(dir, name), f(p1));
  edit('frac.yaml', (s) => s.replace('service_availability: 99.97', 'service_availability: 0.9995').replace('training_mfu: 41', 'training_mfu: 0.38'));
  edit('typo.yaml', (s) => s.replace('compute_utilization: 68', 'compute_utilisation: 55'));
  edit('miss.yaml', (s) => s.replace(/^ {2}(months_in_operation|pue):.*\n/gm, ''));
  edit('fw.yaml', (s) => s.replace('total_compute_scale: 6000', 'total_compute_scale: ８５０'));
  edit('pct.yaml', (s) => s.replace('service_availability: 99.97', 'service_availability: "99.95%"'));
  edit('far.yaml', (s) => s.replace('mttr: 18', 'mttr: 1000000'));
});

function assay(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), tty: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('assay eval: nothing passes silently', () => {
  it('percentages as fractions: exit 1, the platform invalid, each field with the value to write', () => {
    const r = assay('eval', R, join(dir, 'frac.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('field `service_availability`: `service_availability` is 0.9995, which looks like a fraction');
    expect(r.err).toContain(': write 99.95');
    expect(r.err).toContain('write 38');
    expect(r.out).toMatch(/P1_hub_operator +invalid/);
    const lenient = assay('eval', R, join(dir, 'frac.yaml'), '--lenient');
    expect(lenient.code).toBe(0);
    expect(lenient.err).toMatch(/warning: .*`service_availability` is 0\.9995, which looks like a fraction of a percentage/);
  });

  it('a misspelt field whose real field is missing: exit 1 naming both; --lenient: graded, with did-you-mean', () => {
    const r = assay('eval', R, join(dir, 'typo.yaml'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('unknown field `compute_utilisation` looks like `compute_utilization`, which is missing');
    for (const cmd of ['eval', 'explain', 'gap']) {
      const l = assay(cmd, R, join(dir, 'typo.yaml'), '--lenient');
      expect(l.code, cmd).toBe(0);
    }
    const l = assay('eval', R, join(dir, 'typo.yaml'), '--lenient');
    expect(l.err).toContain('did you mean `compute_utilization`?');
    expect(l.out).toContain('`compute_utilization` — compute_utilization scores 0 (up to 3.00 points of C and the total)');
    expect(assay('eval', R, join(dir, 'typo.yaml'), '--lenient', '--lang', 'zh-Hans').out).toContain('缺失的证据');
  });

  it('missing evidence in the table, --decision, JSON and NDJSON lines', () => {
    const table = assay('eval', R, join(dir, 'miss.yaml'));
    expect(table.out).toContain('missing evidence:');
    expect(table.out).toContain('P1_hub_operator: `pue` — pue scores 0 (up to 3.00 points of G and the total); `months_in_operation` — prerequisite P2 not met');
    const decision = assay('eval', R, join(dir, 'miss.yaml'), '--decision');
    expect(decision.out).toContain('`months_in_operation` — prerequisite P2 not met');
    const json = JSON.parse(assay('eval', R, join(dir, 'miss.yaml'), '--format', 'json').out) as { results: { missing: { field: string }[] }[] };
    expect(json.results[0]?.missing.map((m) => m.field)).toEqual(['pue', 'months_in_operation']);
    // The stream's NDJSON lines: the result as `JSON.stringify(ruleset.evaluate(p))`, the decision by its own writer.
    const ruleset = compileRuleset(readFileSync(R, 'utf8')).ruleset;
    const doc = parseEvidenceText(readFileSync(join(dir, 'miss.yaml'), 'utf8')).platforms[0];
    if (!ruleset || !doc) throw new Error('no ruleset or platform');
    const lines = [JSON.stringify(ruleset.evaluate(doc)), decisionLine(ruleset.decide(doc))];
    for (const line of lines) {
      const m = (JSON.parse(line) as { missing?: { field: string; prerequisites: string[] }[] }).missing;
      expect(m?.find((x) => x.field === 'months_in_operation')?.prerequisites).toEqual(['P2']);
    }
    expect(lines[1]).toBe(JSON.stringify(toDecisionJson(ruleset.decide(doc))));
  });

  it('full-width digits, "99.95%" and a value far off its bands each say what to write or check', () => {
    const fw = assay('eval', R, join(dir, 'fw.yaml'));
    expect(fw.code).toBe(1);
    expect(fw.err).toContain('is written with full-width characters "８５０": write 850');
    const pct = assay('eval', R, join(dir, 'pct.yaml'), '--lang', 'zh-Hans');
    expect(pct.code).toBe(1);
    expect(pct.err).toContain('请写数字 99.95');
    const far = assay('eval', R, join(dir, 'far.yaml'));
    expect(far.code).toBe(0);
    expect(far.err).toContain('`mttr` is 1000000, far above its highest band bound 240: check its unit');
  });
});
