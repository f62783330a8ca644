import { readFileSync } from 'node:fs';
import { compileRuleset, parseEvidenceText } from './engine/index';
import { explainPlatform, explanationText } from './engine/explain/index';
const v = process.argv[2] ?? '1.0'; const f = process.argv[3] ?? 'p2-regional-aicc'; const lang = (process.argv[4] ?? 'en') as any;
const r = compileRuleset(readFileSync(`rulesets/csp-assessment/${v}.assay`,'utf8')).ruleset!;
const p = parseEvidenceText(readFileSync(`rulesets/csp-assessment/platforms/${f}.yaml`,'utf8'),'x').platforms[0]!;
console.log(explanationText(explainPlatform(r, p, {lang}).explanation, lang));
