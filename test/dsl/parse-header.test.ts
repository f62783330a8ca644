// `parseHeader`: the header of a ruleset file without parsing its items (what the CLI's registry reads to find one
// ruleset among many). In: every bundled ruleset, generated ones, broken files. Out: the same id and header as the
// whole parse, or undefined (then the caller parses the whole file).

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseHeader, parseRuleset } from '../../dsl/index';
import { generateRuleset } from '../../bench/big-ruleset';
import { ROOT } from '../rulesets/load';

const bundled = (): { name: string; text: string }[] =>
  readdirSync(join(ROOT, 'rulesets'), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(ROOT, 'rulesets', d.name))
        .filter((f) => f.endsWith('.assay'))
        .map((f) => ({ name: `${d.name}/${f}`, text: readFileSync(join(ROOT, 'rulesets', d.name, f), 'utf8') })),
    );

describe('parseHeader', () => {
  const files = [...bundled(), { name: 'generated 200', text: generateRuleset(200) }];
  it('finds the bundled rulesets', () => expect(files.length).toBeGreaterThanOrEqual(6));

  for (const { name, text } of files) {
    it(`reads the header the whole parse reads (${name})`, () => {
      const h = parseHeader(text);
      const whole = parseRuleset(text).ast;
      expect(h).toBeDefined();
      expect(h?.id).toEqual(whole.id);
      expect(h?.header).toEqual(whole.header);
      expect(h?.items).toEqual([]);
    });
  }

  it('gives up where the header cannot be read alone, and reads it where only an item is broken', () => {
    const text = generateRuleset(3);
    expect(parseHeader(text.replace('version "1"', 'version'))).toBeUndefined();
    expect(parseHeader(text.replace('ruleset "big"', 'rulez "big"'))).toBeUndefined();
    expect(parseHeader(text + '\n}')).toBeUndefined();
    expect(parseHeader('ruleset "x" { version "1" ' + '('.repeat(200))).toBeUndefined();
    expect(parseHeader(text.replace('@', '').replace('weight 1', 'weight @'))).toBeUndefined();
    // A syntax error inside an item: the header still reads as the whole (recovering) parse reads it.
    const broken = text.replace('type percent', 'type percent percent');
    expect(parseHeader(broken)?.header).toEqual(parseRuleset(broken).ast.header);
  });
});
