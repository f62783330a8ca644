// The interchange commands of the CLI, run in-process through `main`: export, import, schema and template.
// In: the bundled rulesets and files written to a temp folder. Out: exit codes, stdout and stderr.

import jsonLogic from 'json-logic-js';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rulesetText } from '../rulesets/load';

let main: (argv: readonly string[], out: { out(s: string): void; err(s: string): void; tty: boolean }) => number;

beforeAll(async () => {
  process.env['ASSAY_NO_MAIN'] = '1';
  ({ main } = await import('../../cli/assay'));
});

function run(...argv: string[]): { code: number; out: string; err: string } {
  const out: string[] = [];
  const err: string[] = [];
  const code = main(argv, { out: (s) => out.push(s), err: (s) => err.push(s), tty: false });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const R10 = 'rulesets/csp-assessment/1.0.assay';

describe('assay export / import', () => {
  it('exports canonical JSON that imports back to the formatted DSL', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-x-'));
    const e = run('export', R10, '--format', 'json');
    expect(e.code).toBe(0);
    expect(e.err).toBe('');
    writeFileSync(join(dir, 'r.json'), e.out);
    const i = run('import', join(dir, 'r.json'));
    expect(i.code).toBe(0);
    const formatted = run('fmt', R10).out;
    // Comments are not part of the canonical form: compare without them.
    const strip = (s: string) => s.split('\n').map((l) => l.replace(/\s*#.*$/, '')).filter((l) => l.trim() !== '').join('\n');
    expect(strip(i.out)).toBe(strip(formatted));
    expect(rulesetText('1.0')).toContain('ruleset "csp-assessment"');
  });

  it('--out never overwrites without --force', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-x-'));
    const target = join(dir, 'out.json');
    expect(run('export', R10, '--out', target).code).toBe(0);
    const first = readFileSync(target, 'utf8');
    writeFileSync(target, 'keep me');
    const again = run('export', R10, '--out', target);
    expect(again.code).toBe(1);
    expect(again.err).toContain('--force');
    expect(readFileSync(target, 'utf8')).toBe('keep me');
    expect(run('export', R10, '--out', target, '--force').code).toBe(0);
    expect(readFileSync(target, 'utf8')).toBe(first);
    writeFileSync(join(dir, 'r.json'), first);
    const dsl = join(dir, 'r.assay');
    expect(run('import', join(dir, 'r.json'), '--out', dsl).code).toBe(0);
    expect(run('import', join(dir, 'r.json'), '--out', dsl).code).toBe(1);
  });

  it('reports bad canonical JSON by path, in the chosen language', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-x-'));
    const f = join(dir, 'bad.json');
    writeFileSync(f, JSON.stringify({ kind: 'Ruleset', id: { kind: 'Str', value: 'x' }, header: { colour: 1 }, items: [] }));
    const r = run('import', f, '--lang', 'zh-Hans');
    expect(r.code).toBe(1);
    expect(r.err).toContain('`/header/colour` 处有未知的键 `colour`');
    writeFileSync(f, '{');
    expect(run('import', f).err).toContain('not valid JSON');
  });

  it('exports JsonLogic rules that json-logic-js evaluates to the engine\'s result', () => {
    const e = run('export', R10, '--format', 'jsonlogic');
    expect(e.code).toBe(0);
    expect(e.err).toBe('');
    const rules = JSON.parse(e.out) as Record<string, unknown>;
    expect(Object.keys(rules)).toEqual(['indicators', 'dimensions', 'total', 'prerequisitesFailed', 'vetoes', 'outcome', 'level']);
    const doc = parse(readFileSync('rulesets/csp-assessment/platforms/p1-hub-operator.yaml', 'utf8')) as { evidence: unknown };
    const data = { evidence: doc.evidence };
    expect(jsonLogic.apply(rules['outcome'], data)).toBe('graded');
    expect(jsonLogic.apply(rules['level'], data)).toBe('L4');
    expect(jsonLogic.apply(rules['total'], data)).toBe(91.2);
  });

  it('imports a JsonLogic rule as an Assay expression, and names what cannot be imported', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-x-'));
    const f = join(dir, 'rule.json');
    writeFileSync(f, JSON.stringify({ or: [{ '>': [{ var: 'declared_vs_measured_gap' }, 10] }, { '==': [{ var: 'metric_disclosure' }, 'misleading'] }] }));
    const r = run('import', '--from', 'jsonlogic', f);
    expect(r.code).toBe(0);
    expect(r.out).toBe('declared_vs_measured_gap > 10 or metric_disclosure = misleading');
    writeFileSync(f, JSON.stringify({ if: [{ '%': [{ var: 'x' }, 2] }, 1, 0] }));
    const bad = run('import', '--from', 'jsonlogic', f);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('/if/0');
    expect(bad.err).toContain('modulo');
  });
});

describe('assay schema / template', () => {
  it('prints the evidence JSON Schema', () => {
    const r = run('schema', R10);
    expect(r.code).toBe(0);
    const s = JSON.parse(r.out) as { $schema: string; required: string[] };
    expect(s.$schema).toContain('json-schema.org');
    expect(s.required).toEqual(['platform', 'evidence']);
  });

  it('prints a blank evidence template in the chosen language', () => {
    const r = run('template', R10, '--lang', 'zh-Hant');
    expect(r.code).toBe(0);
    expect(r.out).toContain('證據範本');
    expect((parse(r.out) as { evidence: Record<string, unknown> }).evidence).toHaveProperty('pue', null);
  });

  it('needs a ruleset', () => {
    expect(run('schema').code).toBe(2);
    expect(run('template').code).toBe(2);
    expect(run('export').code).toBe(2);
    expect(run('import').code).toBe(2);
  });
});
