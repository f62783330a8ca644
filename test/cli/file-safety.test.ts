// Reading and writing files through the built binary (issue 17): input that is not UTF-8 is refused with its encoding
// and the command that converts it; outputs go through a temporary file, never follow a symlink, never replace anything
// without --force, and a failed write leaves neither a cut file nor a temporary one.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const BIN = join(process.cwd(), 'dist/cli/assay.js');
const RULESET = join(process.cwd(), 'rulesets/csp-assessment/1.0.assay');
const PLATFORM = join(process.cwd(), 'rulesets/csp-assessment/platforms');

function run(args: string[], opts: { cwd?: string; shell?: string } = {}) {
  const r = opts.shell
    ? spawnSync('sh', ['-c', `${opts.shell}; exec "$@"`, 'sh', process.execPath, BIN, ...args], { cwd: opts.cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } })
    : spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function dir(): string {
  return mkdtempSync(join(tmpdir(), 'assay-files-'));
}

/** A ruleset whose title holds 101 Chinese characters (GB18030 has no 0x5c byte in them, so it lexes). */
const HANZI = '算力服务平台能力评估'.repeat(10) + '甲';
const CHINESE = `ruleset "x" {\n  version "1"\n  title { zh-Hans "${HANZI}" zh-Hant "${HANZI}" en "T" }\n}\n`;

function gb18030(text: string): Buffer {
  return execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text });
}

beforeAll(() => {
  execFileSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
}, 120_000);

describe('input that is not UTF-8', () => {
  it('refuses a GB18030 ruleset in check, fmt --write and eval, naming offset, encoding and iconv, in three languages', () => {
    const d = dir();
    const f = join(d, 'gb.assay');
    const bytes = gb18030(`${CHINESE}\n\n`);
    writeFileSync(f, bytes);
    const offset = Buffer.from(CHINESE.slice(0, CHINESE.indexOf('算')), 'utf8').length;
    for (const args of [['check', f], ['fmt', '--write', f], ['eval', f, PLATFORM], ['export', f]]) {
      const r = run(args);
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toContain(`${f}\` is not UTF-8`);
      expect(r.err).toContain(`offset ${offset} (line 3)`);
      expect(r.err).toContain('GB18030');
      expect(r.err).toContain(`iconv -f GB18030 -t UTF-8 ${f}`);
      expect(r.err).not.toContain('internal error');
    }
    expect(readFileSync(f).equals(bytes)).toBe(true); // fmt --write did not touch it
    expect(run(['check', f, '--lang', 'zh-Hans']).err).toContain('不是 UTF-8 文本');
    expect(run(['check', f, '--lang', 'zh-Hant']).err).toContain('不是 UTF-8 文字');
  });

  it('suggests Latin-1 for Western accented text, and refuses evidence that is not UTF-8', () => {
    const d = dir();
    const f = join(d, 'l.assay');
    writeFileSync(f, Buffer.from('ruleset "caf\xe9" {\n  version "1"\n}\n', 'latin1'));
    const r = run(['check', f]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('offset 12 (line 1)');
    expect(r.err).toContain('iconv -f LATIN1 -t UTF-8');
    const ev = join(d, 'p.yaml');
    writeFileSync(ev, Buffer.concat([Buffer.from('platform: P1\nname: "'), gb18030('评估'), Buffer.from('"\n')]));
    const e = run(['eval', RULESET, ev]);
    expect(e.code).toBe(1);
    expect(e.err).toContain(`${ev}\` is not UTF-8`);
    expect(e.err).toContain('GB18030');
  });
});

describe('writing output files', () => {
  it('fmt --write on a read-only file is a clear error and leaves the file as it was', () => {
    const d = dir();
    const f = join(d, 'ro.assay');
    writeFileSync(f, `${CHINESE}\n\n`);
    chmodSync(f, 0o444);
    const r = run(['fmt', '--write', f]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('read-only');
    expect(r.err).not.toContain('internal error');
    expect(readFileSync(f, 'utf8')).toBe(`${CHINESE}\n\n`);
    expect(readdirSync(d)).toEqual(['ro.assay']);
  });

  it('fmt --write keeps the permission bits and rewrites the file a symlink points to', () => {
    const d = dir();
    const f = join(d, 'r.assay');
    writeFileSync(f, `${CHINESE}\n\n`);
    chmodSync(f, 0o640);
    symlinkSync('r.assay', join(d, 'link.assay'));
    const printed = `${run(['fmt', f]).out}`;
    const r = run(['fmt', '--write', join(d, 'link.assay')]);
    expect(r.code).toBe(0);
    expect(readFileSync(f, 'utf8')).toBe(printed);
    expect(printed).toContain(HANZI);
    expect(statSync(f).mode & 0o777).toBe(0o640);
    expect(readlinkSync(join(d, 'link.assay'))).toBe('r.assay');
  });

  it('a file-size limit (ulimit -f 8) leaves no cut file and no temporary file, with a clear error', () => {
    const d = dir();
    for (const [args, name] of [
      [['export', RULESET, '--out', 'big.json'], 'big.json'],
      [['report', RULESET, PLATFORM, '--out', 'big.html'], 'big.html'],
    ] as const) {
      const r = run([...args], { cwd: d, shell: 'ulimit -f 8' });
      expect(r.code, args.join(' ')).toBe(1);
      expect(r.err).toContain(`cannot write \`${name}\``);
      expect(r.err).toContain('ulimit -f');
      expect(r.err).not.toContain('internal error');
      expect(readdirSync(d)).toEqual([]);
    }
    // --force over an existing file keeps the old file whole.
    writeFileSync(join(d, 'old.json'), 'old\n');
    const r = run(['export', RULESET, '--out', 'old.json', '--force'], { cwd: d, shell: 'ulimit -f 8' });
    expect(r.code).toBe(1);
    expect(readFileSync(join(d, 'old.json'), 'utf8')).toBe('old\n');
    expect(readdirSync(d)).toEqual(['old.json']);
  });

  it('never follows a dangling symlink at --out, and replaces the link itself (not its target) with --force', () => {
    for (const args of [
      ['export', RULESET],
      ['schema', RULESET],
      ['template', RULESET],
      ['report', RULESET, join(PLATFORM, 'p1-hub-operator.yaml')],
    ]) {
      const d = dir();
      const link = join(d, 'out.txt');
      symlinkSync(join(d, 'target.txt'), link);
      const r = run([...args, '--out', link]);
      expect(r.code, args[0]).toBe(1);
      expect(r.err).toContain('exists; add --force');
      expect(existsSync(join(d, 'target.txt'))).toBe(false);
      const f = run([...args, '--out', link, '--force']);
      expect(f.code, f.err).toBe(0);
      expect(existsSync(join(d, 'target.txt'))).toBe(false);
      expect(lstatSync(link).isFile()).toBe(true);
    }
    const d = dir();
    const jsonFile = join(d, 'c.json');
    writeFileSync(jsonFile, run(['export', RULESET]).out);
    symlinkSync(join(d, 'target.assay'), join(d, 'out.assay'));
    expect(run(['import', jsonFile, '--out', join(d, 'out.assay')]).code).toBe(1);
    expect(existsSync(join(d, 'target.assay'))).toBe(false);
  });

  it('test --lcov does not overwrite a file without --force', () => {
    const d = dir();
    const lcovFile = join(d, 'lcov.info');
    writeFileSync(lcovFile, 'mine\n');
    const r = run(['test', 'rulesets/csp-assessment', '--lcov', lcovFile]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('exists; add --force');
    expect(readFileSync(lcovFile, 'utf8')).toBe('mine\n');
    const f = run(['test', 'rulesets/csp-assessment', '--lcov', lcovFile, '--force']);
    expect(f.code, f.err).toBe(0);
    expect(readFileSync(lcovFile, 'utf8')).toContain('end_of_record');
  });
});
