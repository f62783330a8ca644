import { it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { compileRuleset, parseEvidenceText } from '../engine/index';
import { impact, toImpactJson } from '../engine/impact';
it('x', () => {
  const a = compileRuleset(readFileSync('rulesets/csp-assessment/0.9.assay','utf8')).ruleset!;
  const b = compileRuleset(readFileSync('rulesets/csp-assessment/1.0.assay','utf8')).ruleset!;
  const dir = 'rulesets/csp-assessment/platforms';
  const ps = readdirSync(dir).flatMap(f => parseEvidenceText(readFileSync(dir+'/'+f,'utf8'), f).platforms);
  const t0 = Date.now();
  const im = toImpactJson(impact(a, b, ps));
  console.log(Date.now()-t0, 'ms');
  console.log(JSON.stringify(im.matrix));
  for (const c of im.changed) console.log(c.platform, c.before.level ?? c.before.outcome, '→', c.after.level ?? c.after.outcome, c.interaction, c.causes.map(x => x.entry + ':' + x.kind + ':' + x.target + '=' + x.alone).join(' | '), 'counter', JSON.stringify(c.counter), JSON.stringify(c.combinations));
});
