// `assay compile`: the built CLI writes a ruleset's generated decide module; imported and attached, it decides
// the sample platforms as the reference does; a ruleset the generator does not cover is reported (exit 1) in the
// chosen language. In: the built CLI, csp-assessment@0.9, CVSS. Out: assertions.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { decisionOf } from '../../engine/evaluate/result';
import { generatedStats, withGenerated, type GeneratedModule } from '../../engine/index';
import { canon, CSP, loadRuleset, platformsIn } from '../plan/helpers';

const BIN = join(process.cwd(), 'dist/cli/assay.js');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}, 120_000);

describe('assay compile', () => {
  it('writes a module that decides as the reference once attached', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'assay-compile-')), 'csp-0.9.mjs');
    const r = run(['compile', 'csp-assessment@0.9', '--out', file]);
    expect(r.code, r.err).toBe(0);
    const mod = (await import(pathToFileURL(file).href)) as GeneratedModule;
    const ruleset = withGenerated(loadRuleset('0.9'), mod);
    const base = loadRuleset('0.9');
    for (const p of platformsIn(join(CSP, 'platforms'))) expect(canon(ruleset.decide(p))).toBe(canon(decisionOf(base.assess(p, { engine: 'reference' }))));
    expect(generatedStats(ruleset)?.decided ?? 0).toBeGreaterThan(0);
    // Again without --force: refused, the file kept.
    expect(run(['compile', 'csp-assessment@0.9', '--out', file]).code).not.toBe(0);
  });

  it('says which ruleset it does not cover and why, in the chosen language', () => {
    const en = run(['compile', 'rulesets/cvss/3.1.assay']);
    expect(en.code).toBe(1);
    expect(en.out).toBe('');
    expect(en.err).toContain('the generator does not cover');
    const zh = run(['compile', 'rulesets/cvss/3.1.assay', '--lang', 'zh-Hans']);
    expect(zh.err).toContain('生成器不支持');
    expect(run(['help', 'compile']).out).toContain('--out');
  });
});
