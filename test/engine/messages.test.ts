// The engine's catalogue entries (A2xx, E1xx, A902): same placeholders in every language, style of the house.
// In: dsl/messages.ts. Out: pass/fail per code.

import { describe, expect, it } from 'vitest';
import { LANGS } from '../../dsl/ast';
import { CATALOGUE } from '../../dsl/messages';

const mine = Object.entries(CATALOGUE).filter(([code]) => /^(A2\d\d|E1\d\d|A902)$/.test(code));

describe('engine messages', () => {
  it('there are engine codes', () => {
    expect(mine.length).toBeGreaterThan(40);
  });
  for (const [code, def] of mine) {
    it(`${code} has the same placeholders in en, zh-Hans and zh-Hant`, () => {
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const en = holes(def.message.en);
      for (const l of LANGS) expect(holes(def.message[l])).toEqual(en);
      const help = 'help' in def ? def.help : undefined;
      if (help) for (const l of LANGS) expect(holes(help[l])).toEqual(holes(help.en));
      expect(def.message.en).not.toMatch(/\.$/);
      expect(def.message.en[0]).toBe(def.message.en[0]?.toLowerCase());
    });
  }
});
