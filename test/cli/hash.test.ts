// `assay check` prints the content hash with Node's native SHA-256: it must be the engine's `rulesetHash`.
// In: both bundled rulesets and a reformatted copy. Out: equal hashes (and a different one after an edit).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentHash } from '../../cli/commands/check';
import { compileRuleset, rulesetHash } from '../../engine/index';

const CSP = join(import.meta.dirname, '..', '..', 'rulesets', 'csp-assessment');

describe('assay check content hash', () => {
  for (const v of ['0.9', '1.0']) {
    it(`is rulesetHash for csp-assessment ${v}`, () => {
      const text = readFileSync(join(CSP, `${v}.assay`), 'utf8');
      const r = compileRuleset(text).ruleset;
      if (!r) throw new Error('does not compile');
      expect(contentHash(r.ast)).toBe(rulesetHash(r.ast));
      expect(contentHash(r.ast)).toBe(r.identity.hash);
      const edited = compileRuleset(text.replace(/>= (\d+): 100/, '>= $11: 100')).ruleset;
      if (!edited) throw new Error('edited ruleset does not compile');
      expect(contentHash(edited.ast)).not.toBe(contentHash(r.ast));
    });
  }
});
