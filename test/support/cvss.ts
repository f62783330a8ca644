// CVSS v3.1 as the tests and the bench use it: the text of rulesets/cvss/3.1.assay (the one copy of the ruleset) and
// its 2,592 base vectors as evidence, built from the metrics and letters of test/rulesets/cvss-oracle.ts (the one list).
// In: rulesets/cvss/3.1.assay, read from the working directory (the repository root). Out: `CVSS`, `baseVectors()`.

import { readFileSync } from 'node:fs';
import { allVectors } from '../rulesets/cvss-oracle';

export const CVSS_PATH = 'rulesets/cvss/3.1.assay';

/** The ruleset's source text. */
export const CVSS = readFileSync(CVSS_PATH, 'utf8');

/** Every base vector (4 × 2 × 3 × 2 × 2 × 3 × 3 × 3 = 2,592), as evidence objects. */
export function baseVectors(): Record<string, string>[] {
  return allVectors().map((v) => ({ ...v }));
}
