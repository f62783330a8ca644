// Broken rulesets (test/check/broken/*.assay) and the diagnostics each must produce, as golden text beside it
// (`.golden`: line:col, severity, code, underlined text, messages). Refresh with UPDATE_GOLDEN=1.

import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenOf } from './golden-format';

const DIR = 'test/check/broken';
const files = readdirSync(DIR)
  .filter((f) => f.endsWith('.assay'))
  .sort();
const update = process.env['UPDATE_GOLDEN'] === '1';

describe('broken rulesets', () => {
  it('there are at least 40 of them', () => {
    expect(files.length).toBeGreaterThanOrEqual(40);
  });

  for (const f of files) {
    it(f, () => {
      const text = readFileSync(join(DIR, f), 'utf8');
      const { golden, diagnostics } = goldenOf(text);
      expect(diagnostics.length).toBeGreaterThan(0);
      // The file is named after what is wrong with it: its first word is the family of the code it shows.
      const path = join(DIR, f.replace(/\.assay$/, '.golden'));
      if (update || !existsSync(path)) writeFileSync(path, golden);
      expect(golden).toBe(readFileSync(path, 'utf8'));
    });
  }
});
