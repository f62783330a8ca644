// Streaming errors in the reader's language: bad NDJSON and CSV records name the file, the line and what was
// expected; `--workers` is validated. In: small corpora written to a temp dir, csp-assessment@0.9, `--lang zh-Hans`.
// Out: checks on the Chinese text of the error lines and summaries, and on exit codes of `assay eval`.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../dsl/ast';
import { streamEval } from '../../cli/stream/run';
import { CSP, loadRuleset } from '../plan/helpers';

const r = loadRuleset('0.9');
const text = readFileSync(join(CSP, '0.9.assay'), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'assay-stream-i18n-'));

interface Line {
  readonly platform?: string;
  readonly line?: number;
  readonly error?: string;
}

function run(name: string, content: string, lang: Lang = 'zh-Hans'): { lines: Line[]; summary: ReturnType<typeof streamEval>; path: string } {
  const path = join(dir, name);
  writeFileSync(path, content);
  const chunks: string[] = [];
  const format = name.endsWith('.csv') ? 'csv' : 'ndjson';
  const summary = streamEval({ path, format, ruleset: r, rulesetText: text, lang, workers: 0, batch: 2, write: (s) => chunks.push(s) });
  return { lines: chunks.join('').split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Line), summary, path };
}

function errorAt(lines: readonly Line[], line: number): string {
  const hit = lines.find((l) => l.line === line);
  if (hit?.error === undefined) throw new Error(`no error line ${line} in ${JSON.stringify(lines)}`);
  return hit.error;
}

describe('bad NDJSON in zh-Hans', () => {
  const { lines, summary, path } = run(
    'bad.ndjson',
    [
      '{"platform":"a","evidence":{}}',
      '{"platform":"b", evidence}',
      '[1,2]',
      '{"platform":"","evidence":{}}',
      '{"platform":"c","evidence":3}',
      '{"platform":"d","name":7,"evidence":{}}',
      '{"platform":"e","evidence":{"pue":1.2}}',
    ].join('\n') + '\n',
  );

  it('names the file and line and says, in Chinese, that a JSON object was expected', () => {
    expect(errorAt(lines, 2)).toContain(`${path}:2：不是有效的 JSON`);
    expect(errorAt(lines, 2)).toContain('每行应为一个 JSON 对象');
    expect(errorAt(lines, 3)).toBe(`${path}:3：应为 JSON 对象 {"platform", "evidence"}，实际为 \`array\``);
  });

  it('says which member is wrong and what it should be', () => {
    expect(errorAt(lines, 4)).toBe(`${path}:4：\`platform\` 应为非空字符串`);
    expect(errorAt(lines, 5)).toBe(`${path}:5：\`evidence\` 应为对象`);
    expect(errorAt(lines, 6)).toBe(`${path}:6：\`name\` 应为字符串`);
  });

  it('assesses the good lines in order and counts the bad ones', () => {
    expect(lines.map((l) => l.platform ?? l.line)).toEqual(['a', 2, 3, 4, 5, 6, 'e']);
    expect(summary.records).toBe(7);
    expect(summary.failed).toBeGreaterThanOrEqual(5);
  });

  it('is in English with --lang en', () => {
    const en = run('bad-en.ndjson', '{"platform":"a","evidence":{}}\nnot json\n', 'en');
    expect(errorAt(en.lines, 2)).toMatch(new RegExp(`^${en.path.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}:2: not valid JSON .*expected one JSON object`));
  });

  it('says so in Chinese when the file cannot be read', () => {
    expect(streamEval({ path: join(dir, 'nope.ndjson'), format: 'ndjson', ruleset: r, rulesetText: text, lang: 'zh-Hans', workers: 0 }).error).toMatch(
      /^无法读取 `.*nope\.ndjson`：ENOENT$/,
    );
  });
});

describe('bad CSV in zh-Hans', () => {
  const { lines, path } = run(
    'bad.csv',
    [
      '',
      'platform,name,pue,mainland_ops,mlps_level',
      'p1,Hub,1.25,true,L3',
      'p2,"Hub, Ltd,1.3,true,L3',
      'p3,"Hub" Ltd,1.3,true,L3',
      'p4,Hub,1,3,true,L3',
      'p5,Hub,abc,true,L3',
      'p6,Hub,1.3,yes,L3',
      ',Hub,1.3,true,L3',
      'p8,Hub,1.3,false,L3',
    ].join('\r\n'),
  );

  it('names the line of each bad row (the header is on line 2) and what was expected', () => {
    expect(lines.map((l) => l.platform ?? l.line)).toEqual(['p1', 4, 5, 6, 7, 8, 9, 'p8']);
    expect(errorAt(lines, 4)).toBe(`${path}:4：带引号的单元格未闭合；应在行尾之前出现 \`"\`（一条记录必须写在一行内）`);
    expect(errorAt(lines, 5)).toContain(`${path}:5：第 2 列：结束引号之后还有文字`);
    expect(errorAt(lines, 6)).toBe(`${path}:6：该行有 6 个单元格；应最多 5 个，与表头各列一一对应`);
  });

  it('checks cells against the types of the ruleset', () => {
    expect(errorAt(lines, 7)).toBe(`${path}:7：\`pue\` 列：\`abc\` 不是数字；应为小数，例如 1.25`);
    expect(errorAt(lines, 8)).toBe(`${path}:8：\`mainland_ops\` 列：\`yes\` 不是布尔值；应为 \`true\` 或 \`false\``);
    expect(errorAt(lines, 9)).toBe(`${path}:9：\`platform\` 单元格为空；应为平台标识`);
  });

  it('refuses a header without `platform`, naming its line', () => {
    const bad = run('nohead.csv', '\n\npue,mttr\n1.2,5\n');
    expect(bad.summary.error).toBe(`${bad.path}:3：CSV 表头没有 \`platform\` 列；应为 \`platform\`、可选的 \`name\`，然后是证据字段`);
    expect(bad.lines).toEqual([]);
  });

  it('refuses an empty file', () => {
    const empty = run('empty.csv', '\n');
    expect(empty.summary.error).toMatch(/^.*empty\.csv：CSV 文件为空/);
  });
});

type Main = (argv: readonly string[], out: { out(s: string): void; err(s: string): void; tty: boolean }) => number;
let main: Main;

beforeAll(async () => {
  process.env['ASSAY_NO_MAIN'] = '1';
  main = (await import('../../cli/assay')).main;
});

function assay(...argv: string[]): { code: number; err: string } {
  const err: string[] = [];
  const code = main(argv, { out: () => undefined, err: (s) => err.push(s), tty: false });
  return { code, err: err.join('\n') };
}

describe('assay eval --workers', () => {
  const corpus = join(dir, 'one.ndjson');
  writeFileSync(corpus, '{"platform":"a","evidence":{}}\n');

  const max = Math.max(4, availableParallelism());
  it.each(['-1', '1.5', 'many', '', '9999', String(max + 1)])('refuses `%s` with a usage error saying the allowed range', (v) => {
    const r = assay('eval', 'rulesets/csp-assessment/0.9.assay', corpus, `--workers=${v}`, '--lang', 'zh-Hans');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`\`--workers\` 应为 0 到 ${max} 之间的整数（0 表示在主进程中运行；最多每个核心一个，核心少于 4 个的机器上最多 4 个），而不是 \`${v}\``);
  });

  it.each(['en', 'zh-Hant'] as const)('says the range in %s too', (lang) => {
    const r = assay('eval', 'rulesets/csp-assessment/0.9.assay', corpus, '--workers', '9999', '--lang', lang);
    expect(r.code).toBe(2);
    expect(r.err).toContain(lang === 'en' ? `a whole number from 0 to ${max}` : `應為 0 到 ${max} 之間的整數`);
  });

  it('accepts the largest allowed count', () => {
    expect(assay('eval', 'rulesets/csp-assessment/0.9.assay', corpus, '--workers', String(max)).code).toBe(0);
  });

  it('summarises unreadable records on stderr in the chosen language and exits 1', () => {
    const bad = join(dir, 'cli-bad.ndjson');
    writeFileSync(bad, 'oops\n');
    const r = assay('eval', 'rulesets/csp-assessment/0.9.assay', bad, '--workers', '0', '--lang', 'zh-Hans');
    expect(r.code).toBe(1);
    expect(r.err).toContain(`错误: ${bad}：1 条记录中有 1 条无法读取或证据无效`);
  });
});
