// The plain block YAML reader (engine/evidence/yaml-plain.ts) against the YAML library: same platforms, same exact
// numbers, same issues and the same key lines, on every bundled evidence file and on generated texts.
// In: evidence texts; each is also read with `---\n` before it, which means the same document but leaves the
// subset, so the YAML library reads it. Out: the two readings compared.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEvidenceText } from '../../engine/index';
import { exactNumbersOf } from '../../engine/numbers/exact';
import { readPlainYaml } from '../../engine/evidence/yaml-plain';
import { evidenceLines } from '../../engine/report/evidence-ref';

/** The data with every exact number written beside it (`exactNumbersOf`), for comparing two readings. */
function withExact(v: unknown): unknown {
  if (typeof v !== 'object' || v === null) return typeof v === 'number' && Object.is(v, -0) ? '-0' : v;
  const exact = exactNumbersOf(v);
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) out[k] = withExact((v as Record<string, unknown>)[k]);
  return { data: out, exact: exact ? [...exact].map(([k, q]) => `${k}=${q.toString()}`) : [], proto: Object.getPrototypeOf(v) === Object.prototype };
}

/** The text read by the YAML library: an explicit document start keeps its meaning and leaves the subset. */
const byLibrary = (text: string): string => `---\n${text}`;

function sameReading(text: string): void {
  const fast = parseEvidenceText(text, 'x.yaml');
  const slow = parseEvidenceText(byLibrary(text), 'x.yaml');
  expect(withExact(fast.platforms)).toEqual(withExact(slow.platforms));
  expect(fast.issues).toEqual(slow.issues);
  const lines = [...evidenceLines(byLibrary(text))].map(([id, m]) => [id, [...m].map(([k, l]) => [k, l - 1])]);
  expect([...evidenceLines(text)].map(([id, m]) => [id, [...m]])).toEqual(lines);
}

const ROOT = join(__dirname, '..', '..', 'rulesets');
const bundled = readdirSync(ROOT).flatMap((set) =>
  ['platforms', 'corpus'].flatMap((sub) => {
    try {
      return readdirSync(join(ROOT, set, sub))
        .filter((f) => f.endsWith('.yaml'))
        .map((f) => join(ROOT, set, sub, f));
    } catch {
      return [];
    }
  }),
);

describe('plain block YAML', () => {
  it('reads every bundled evidence file as the YAML library does', () => {
    expect(bundled.length).toBeGreaterThan(240);
    for (const f of bundled) {
      const text = readFileSync(f, 'utf8');
      expect(readPlainYaml(text), f).toBeDefined();
      sameReading(text);
    }
  });

  it('refuses what it does not read, and the YAML library reads it', () => {
    const outside = [
      'platform: p\nevidence:\n  - a\n',
      'platform: p\nevidence:\n  a: [1, 2]\n',
      'platform: p\nevidence:\n  a: {b: 1}\n',
      'platform: p\nevidence:\n  a: &x 1\n  b: *x\n',
      'platform: p\nevidence:\n  a: !!str 1\n',
      'platform: p\nevidence:\n  a: |\n    text\n',
      'platform: p\nevidence:\n  a: "x\\ty"\n',
      'platform: p\nevidence:\n  a: long\n    continued\n',
      'platform: p\nevidence:\n  a: 1\n  a: 2\n',
      'platform: p\r\nevidence:\r\n  a: 1\r\n',
      'platform: p\nevidence:\n\ta: 1\n',
      'platform: p\nevidence:\n  a: 0x1F\n',
      'platform: p\nevidence:\n  a: .inf\n',
      'platform: p\nevidence:\n  a: 2026-01-01\n',
      `platform: p\nevidence:\n  a: 1${'0'.repeat(1200)}\n`,
      'platform: p\nevidence:\n  a: 1e999\n',
      '"platform": p\nevidence: {}\n',
      '---\nplatform: p\n',
      '  platform: p\n',
      'platform: p\nevidence:\n  a: 1\n a: 2\n',
      'just text\n',
      '# only a comment\n',
      '',
    ];
    for (const text of outside) {
      expect(readPlainYaml(text), JSON.stringify(text)).toBeUndefined();
      parseEvidenceText(text, 'x.yaml'); // never throws
    }
  });

  it('reads generated texts as the YAML library does, whenever it reads them', () => {
    const keys = ['a', 'pue', 'b_c', 'x y', 'a:b', '__proto__', 'constructor', 'é', '名', 'true', 'null', '~', 'k#', '1a', '-k', 'k ', '<<', 'a :b'];
    const scalars = [
      '1', '-0', '+5', '007', '1.', '.5', '-.5', '1.50', '1e3', '1E-3', '.5e2', '12345678901234567890', '0.1', '99.995',
      'true', 'True', 'FALSE', 'yes', 'No', 'null', 'Null', '~', 'nULL', '', ' ', 'text', 'a b', 'a  b', 'a:b', 'a: b', 'a:',
      'a #c', 'a#c', "it's", '"q"', "'q'", '"a #b"', "'a: b'", '"a\\"b"', '"', '[x]', 'x]', '{', '-', '- a', '?', '? a', '|',
      '>', '&a', '*a', '!t', '%', '@', '`', '.inf', '.nan', '0x1F', '0o7', '1_000', '1.2.3', '2026-01-01', '1e999', '+', '.',
      '广州（合成）', 'http://x.y/z', 'a,b', 'x # y # z', '# c',
    ];
    const line = fc.record({
      indent: fc.constantFrom(0, 0, 2, 2, 4, 1, 3),
      key: fc.constantFrom(...keys),
      value: fc.constantFrom(...scalars),
      comment: fc.constantFrom('', '', ' # note', '  #x', '#y'),
      kind: fc.constantFrom('pair', 'pair', 'pair', 'open', 'comment', 'blank'),
    });
    const text = fc.array(line, { maxLength: 12 }).map((ls) =>
      ['platform: p', 'evidence:']
        .concat(
          ls.map((l) => {
            const pad = ' '.repeat(l.indent + 2);
            if (l.kind === 'comment') return `${pad}# ${l.value}`;
            if (l.kind === 'blank') return ' '.repeat(l.indent);
            return l.kind === 'open' ? `${pad}${l.key}:${l.comment}` : `${pad}${l.key}: ${l.value}${l.comment}`;
          }),
        )
        .join('\n') + '\n',
    );
    let read = 0;
    fc.assert(
      fc.property(text, (t) => {
        if (readPlainYaml(t) === undefined) return;
        read++;
        sameReading(t);
      }),
      { numRuns: Number(process.env['YAML_RUNS'] ?? 3000), ...(process.env['YAML_RUNS'] ? {} : { seed: 15 }) },
    );
    // The generator reaches the subset often enough for the comparison to mean something.
    expect(read).toBeGreaterThan(300);
  });
});
