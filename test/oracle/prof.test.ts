import { readFileSync } from 'node:fs';
import { it } from 'vitest';
import { compileRuleset } from '../../engine/index';
import { generatePlatform, Gen, prng } from './generate';
import { assessStandard } from './standard';
import { compare } from './compare';
it('prof', () => {
  const e = compileRuleset(readFileSync('rulesets/csp-assessment/1.0.assay','utf8')).ruleset!;
  const g = new Gen(prng(1));
  let t = performance.now();
  const gens = Array.from({length: 2000}, (_, n) => generatePlatform('1.0', g, n));
  console.log('gen', performance.now() - t); t = performance.now();
  const os = gens.map((x) => assessStandard('1.0', x.platform, x.evidence));
  console.log('oracle', performance.now() - t); t = performance.now();
  const as = gens.map((x) => e.assess({platform: x.platform, evidence: x.evidence}));
  console.log('engine', performance.now() - t); t = performance.now();
  as.forEach((a, i) => compare(a, os[i]!));
  console.log('compare', performance.now() - t);
});
