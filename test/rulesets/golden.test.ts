// Golden results: every sample platform's full JSON result under each csp-assessment version.
// In: the rulesets and samples. Out: test/rulesets/golden/<version>.results.json compared as text;
// `UPDATE_GOLDEN=1 npx vitest run test/rulesets` rewrites them (review the diff, never hand-edit).

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { VERSIONS } from './expected';
import { platforms, ruleset } from './load';

const GOLDEN_DIR = join(dirname(fileURLToPath(import.meta.url)), 'golden');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

describe('golden results of the sample platforms', () => {
  for (const v of VERSIONS) {
    it(`${v}.results.json`, () => {
      const results = platforms().map((p) =>
        ruleset(v).evaluate({ platform: p.platform, name: p.name, evidence: p.evidence }),
      );
      const text = JSON.stringify(results, null, 2) + '\n';
      const file = join(GOLDEN_DIR, `${v}.results.json`);
      if (UPDATE || !existsSync(file)) {
        mkdirSync(GOLDEN_DIR, { recursive: true });
        writeFileSync(file, text);
        if (!UPDATE) throw new Error(`${file} did not exist and was written: review it and run again`);
        return;
      }
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }
});
