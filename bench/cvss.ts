// CVSS 3.1 as an Assay ruleset (rulesets/cvss/3.1.assay): every one of the 2,592 base vectors assessed by
// the reference evaluator, several rounds. In: `--rounds N` (default 5), `--engine reference|plan`. Out: vectors/second.
//
// Run: npx esbuild bench/cvss.ts --bundle --platform=node --outfile=dist/bench/cvss.cjs && node dist/bench/cvss.cjs

import { compileRuleset } from '../engine/index';
import { baseVectors, CVSS } from '../test/support/cvss';

const args = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? def) : def;
};
const rounds = Number(opt('rounds', '5'));
const engine = opt('engine', 'reference') === 'plan' ? 'plan' : 'reference';

const ruleset = compileRuleset(CVSS).ruleset;
if (!ruleset) throw new Error('the CVSS ruleset does not compile');

const vectors = baseVectors();

const levels = new Map<string, number>();
const times: number[] = [];
for (let r = 0; r < rounds; r++) {
  const t0 = performance.now();
  for (const [i, evidence] of vectors.entries()) {
    const a = ruleset.assess({ platform: String(i), evidence }, { engine });
    if (r === 0) levels.set(`${a.outcome}/${a.level}`, (levels.get(`${a.outcome}/${a.level}`) ?? 0) + 1);
  }
  times.push(performance.now() - t0);
}
const best = Math.min(...times);
const median = [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? best;
console.log(`CVSS 3.1 base vectors: ${vectors.length}, engine ${engine}, ${rounds} rounds`);
console.log(`outcomes: ${[...levels].map(([k, n]) => `${k} ${n}`).join(', ')}`);
console.log(`median ${median.toFixed(0)} ms/round = ${Math.round((vectors.length / median) * 1000)} vectors/s (best ${Math.round((vectors.length / best) * 1000)} vectors/s)`);
