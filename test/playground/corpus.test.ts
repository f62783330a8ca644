// The Distribution tab's corpus worker, run in Node: reading NDJSON / CSV / JSON / YAML records (every bad record
// reported with its file, line, platform and field, the rest read), and the distribution and causes it computes
// agreeing with the engine run directly. In: corpus text written here. Out: assertions.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { standing, standingsOf } from '../../engine/analyses/impact';
import { compileRuleset } from '../../engine/index';
import { NO_STANDING } from '../../playground/src/distribution-protocol';
import { CorpusEvaluator } from '../../playground/src/worker/corpus-eval';
import { readCorpus } from '../../playground/src/worker/corpus-read';
import { baseCorpus, bigCorpus, toNdjson } from '../support/big-corpus';

const V10 = readFileSync(new URL('../../rulesets/csp-assessment/1.0.assay', import.meta.url), 'utf8');

describe('reading a corpus', () => {
  it('reads NDJSON documents and flat records; a bad JSON line is reported with its line and platform, the rest read', () => {
    const text = [
      '{"platform":"A","name":"Alpha","evidence":{"months_in_operation":12}}',
      '',
      '{"platform":"B","months_in_operation":7,"mainland_ops":true}',
      '{"platform":"C","evidence":{"months_in_operation":}}',
      '{"platform":"D","evidence":[1]}',
    ].join('\n');
    const r = readCorpus([{ name: 'c.ndjson', text }]);
    expect(r.platforms).toEqual([
      { platform: 'A', name: 'Alpha', evidence: { months_in_operation: 12 } },
      { platform: 'B', evidence: { months_in_operation: 7, mainland_ops: true } },
    ]);
    expect(r.files).toEqual(['c.ndjson', 'c.ndjson']);
    expect(r.errors.map((e) => [e.line, e.platform, e.problem.kind])).toEqual([
      [4, 'C', 'json'],
      [5, 'D', 'shape'],
    ]);
  });

  it('reads CSV: quoted cells with commas and line breaks, typed cells, dotted columns nest; bad rows and cells reported by field', () => {
    const text = [
      'platform,name,months_in_operation,mainland_ops,metric_disclosure,site.city,tags',
      'P1,"Hub, north",15,true,full,Guangzhou,"[""a"",""b""]"',
      'P2,"two',
      'lines",3,false,,,',
      'P3,x,1,true,full,y,[not json',
      'P4,x,1,true',
      'P5,"never closed,1,true,full,,',
    ].join('\r\n');
    const r = readCorpus([{ name: 'c.csv', text }]);
    expect(r.platforms).toEqual([
      { platform: 'P1', name: 'Hub, north', evidence: { months_in_operation: 15, mainland_ops: true, metric_disclosure: 'full', site: { city: 'Guangzhou' }, tags: ['a', 'b'] } },
      { platform: 'P2', name: 'two\r\nlines', evidence: { months_in_operation: 3, mainland_ops: false } },
    ]);
    expect(r.errors.map((e) => [e.line, e.platform, e.field, e.problem.kind])).toEqual([
      [5, 'P3', 'tags', 'csvCell'],
      [6, 'P4', undefined, 'csvColumns'],
      [7, 'P5', undefined, 'csvQuote'],
    ]);
  });

  it('a CSV without a platform column, an unknown file type and bad YAML are each reported; a folder of YAML documents reads', () => {
    const r = readCorpus([
      { name: 'a.csv', text: 'id,x\n1,2\n' },
      { name: 'notes.txt', text: 'hello' },
      { name: 'bad.yaml', text: 'platform: [\n' },
      { name: 'dir/p.yaml', text: 'platform: Y\nevidence:\n  months_in_operation: 4\n' },
      { name: 'dir/list.json', text: '[{"platform":"J1","evidence":{}},{"evidence":{}}]' },
    ]);
    expect(r.errors.map((e) => [e.file, e.field, e.problem.kind])).toEqual([
      ['a.csv', 'platform', 'csvHeader'],
      ['notes.txt', undefined, 'fileType'],
      ['bad.yaml', undefined, 'yaml'],
    ]);
    expect(r.platforms.map((p) => p.platform)).toEqual(['Y', 'J1', 'list[1]']);
    expect(r.files).toEqual(['dir/p.yaml', 'dir/list.json', 'dir/list.json']);
  });

  it('a CSV column named __proto__ is an evidence field like any other, never the object prototype', () => {
    const r = readCorpus([{ name: 'a.csv', text: 'platform,__proto__.x\nP,1\n' }]);
    const ev = r.platforms[0]?.evidence as Record<string, unknown>;
    expect(Object.getPrototypeOf(ev)).toBe(Object.prototype);
    expect(Object.hasOwn(ev, '__proto__')).toBe(true);
  });
});

describe('the distribution', () => {
  const base = V10;
  const edited = V10.replace('require total >= 80', 'require total >= 76');

  it('the generated corpus is invalid only where the bundled corpus is (moved numbers stay inside their bounds)', () => {
    const r = compileRuleset(base).ruleset!;
    const invalid = (docs: readonly { platform: string; evidence: Record<string, unknown> }[]): Set<string> =>
      new Set(docs.filter((d) => r.assess({ platform: d.platform, evidence: d.evidence }).outcome === 'invalid').map((d) => d.platform.replace(/^G\d+_/, '')));
    const bundled = baseCorpus();
    const big = bigCorpus(2400);
    const bad = invalid(big);
    expect([...bad].sort()).toEqual([...invalid(bundled)].sort());
    const badCopies = big.filter((d) => bad.has(d.platform.replace(/^G\d+_/, ''))).length;
    expect(badCopies).toBe(10 * bad.size);
  });

  it('gives every platform the standing the engine gives it, before and after, and counts the invalid ones with the engine’s messages', () => {
    const docs = bigCorpus(1200);
    docs.unshift({ platform: 'BAD', evidence: { months_in_operation: 'many' } });
    const read = readCorpus([{ name: 'big.ndjson', text: toNdjson(docs) }]);
    expect(read.errors).toEqual([]);
    const ev = new CorpusEvaluator();
    ev.setCorpus(read.platforms, read.files);
    const { result } = ev.distribution(1, base, edited, 'en');
    const a = compileRuleset(base).ruleset!;
    const b = compileRuleset(edited).ruleset!;
    const order = standingsOf(a, b);
    expect(result.standings).toEqual(order);
    expect(result.failed).toEqual([]);
    read.platforms.forEach((p, i) => {
      expect(order[result.before[i] as number]).toBe(standing(a.assess(p)));
      expect(order[result.after[i] as number]).toBe(standing(b.assess(p)));
    });
    const moved = read.platforms.filter((_, i) => result.before[i] !== result.after[i]).length;
    expect(moved).toBeGreaterThan(0);
    expect(result.invalidCount).toBeGreaterThan(0);
    const bad = result.invalid.find((e) => e.platform === 'BAD');
    expect(bad).toMatchObject({ file: 'big.ndjson', field: 'months_in_operation', problem: { kind: 'evidence' } });
  });

  it('a text with errors leaves its side empty; causes name the diff entry that moves each platform', () => {
    const read = readCorpus([{ name: 'c.ndjson', text: toNdjson(baseCorpus()) }]);
    const ev = new CorpusEvaluator();
    ev.setCorpus(read.platforms, read.files);
    const broken = ev.distribution(1, base, 'ruleset "x" {', 'en').result;
    expect(broken.failed).toEqual(['after']);
    expect([...broken.after].every((x) => x === NO_STANDING)).toBe(true);
    const d = ev.distribution(2, base, edited, 'en').result;
    const moved = [...d.after.keys()].filter((i) => d.before[i] !== d.after[i]);
    expect(moved.length).toBeGreaterThan(0);
    const c = ev.causes(3, base, edited, 'en', moved);
    expect(c.rows.map((r) => r.index).sort((x, y) => x - y)).toEqual(moved);
    for (const r of c.rows) expect(r.causes.join(' ')).toMatch(/L3/);
  });
});
