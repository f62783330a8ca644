// CVSS 3.1 as an Assay ruleset (test/engine/fixtures/cvss-3.1.assay): every one of the 2,592 base vectors assessed by
// the reference evaluator, several rounds. In: `--rounds N` (default 5), `--engine reference|plan`. Out: vectors/second.
//
// Run: npx esbuild bench/cvss.ts --bundle --platform=node --outfile=dist/bench/cvss.cjs && node dist/bench/cvss.cjs

import { readFileSync } from 'node:fs';
import { compileRuleset } from '../engine/index';

const args = process.argv.slice(2);
const opt = (name: string, def: string): string => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? (args[i + 1] ?? def) : def;
};
const rounds = Number(opt('rounds', '5'));
const engine = opt('engine', 'reference') === 'plan' ? 'plan' : 'reference';

const ruleset = compileRuleset(readFileSync('test/engine/fixtures/cvss-3.1.assay', 'utf8')).ruleset;
if (!ruleset) throw new Error('the CVSS ruleset does not compile');

const METRICS: readonly (readonly [string, readonly string[]])[] = [
  ['AV', ['N', 'A', 'L', 'P']],
  ['AC', ['L', 'H']],
  ['PR', ['N', 'L', 'H']],
  ['UI', ['N', 'R']],
  ['S', ['U', 'C']],
  ['C', ['H', 'L', 'N']],
  ['I', ['H', 'L', 'N']],
  ['A', ['H', 'L', 'N']],
];
let vectors: Record<string, string>[] = [{}];
for (const [k, vs] of METRICS) vectors = vectors.flatMap((v) => vs.map((x) => ({ ...v, [k]: x })));

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
