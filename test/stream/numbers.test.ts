// One platform, one result whatever its format (issue 17): numbers in NDJSON records, CSV cells, YAML and JSON files
// keep the value written. In: a small ruleset and numbers that doubles cannot hold. Out: equal points and levels.

import { describe, expect, it } from 'vitest';
import { csvRecord, csvShape, INEXACT, ndjsonRecord, type RecordResult } from '../../cli/stream/records';
import { parseEvidenceText } from '../../engine/index';
import type { PlatformInput } from '../../engine/evaluate/evaluate';
import { ok, rs } from '../engine/helpers';

const r = ok(
  rs(`
dimension A {
  weight 100
  indicator x {
    weight 50
    type number
    bands {
      >= 0.3: 80
      else: 20
    }
  }
  indicator y {
    weight 50
    type number
    bands {
      < 0: 0
      else: 100
    }
  }
}
levels cumulative {
  level L1 {
    label { zh-Hans "一" zh-Hant "一" en "One" }
    require y >= 0
  }
  fallback L0 {
    label { zh-Hans "零" zh-Hant "零" en "Zero" }
  }
}`),
);

function platformOf(res: RecordResult): PlatformInput {
  if ('error' in res) throw new Error(res.error);
  return res.platform;
}

/** The four readings of one platform with evidence `x`, `y` written as text. */
function readings(x: string, y: string): Record<string, PlatformInput> {
  const yaml = parseEvidenceText(`platform: P\nevidence:\n  x: ${x}\n  y: ${y}\n`).platforms[0];
  const json = parseEvidenceText(`{"platform": "P", "evidence": {"x": ${x}, "y": ${y}}}`).platforms[0];
  if (!yaml || !json) throw new Error('not read');
  return {
    yaml,
    json,
    ndjson: platformOf(ndjsonRecord(`{"platform":"P","evidence":{"x":${x},"y":${y}}}`)),
    csv: platformOf(csvRecord(`P,${x},${y}`, (csvShape('platform,x,y', r.model) as Exclude<ReturnType<typeof csvShape>, { error: string }>))),
  };
}

const outcome = (p: PlatformInput): string => {
  const a = r.assess(p);
  return `${a.level} ${a.indicators.map((i) => `${i.id}=${i.points?.toFraction()}`).join(' ')}`;
};

describe('numbers read alike from every format', () => {
  it('0.29999999999999999 scores 20 and -1e-400 gives L0 in YAML, JSON, NDJSON and CSV', () => {
    const got = Object.entries(readings('0.29999999999999999', '-1e-400')).map(([k, p]) => `${k} ${outcome(p)}`);
    expect(got).toEqual(['yaml L0 x=20 y=0', 'json L0 x=20 y=0', 'ndjson L0 x=20 y=0', 'csv L0 x=20 y=0']);
  });

  it('numbers a double holds are read by the fast path with the same result', () => {
    const got = Object.entries(readings('0.3', '1e-99')).map(([k, p]) => `${k} ${outcome(p)}`);
    expect(got).toEqual(['yaml L1 x=80 y=100', 'json L1 x=80 y=100', 'ndjson L1 x=80 y=100', 'csv L1 x=80 y=100']);
    for (const v of ['123456789012345678', '9007199254740993', '0.1000000000000000055511151231257827']) {
      const [first, ...rest] = Object.values(readings(v, '0')).map((p) => r.assess(p).indicators[0]?.value);
      for (const other of rest) expect(other, v).toEqual(first);
    }
  });

  it('NDJSON and CSV records beyond the number limits are errors naming platform, field and limit', () => {
    const long = '1.' + '0'.repeat(150_000) + '1';
    const t0 = performance.now();
    expect(ndjsonRecord(`{"platform":"P","evidence":{"x":${long}}}`, 'zh-Hant')).toEqual({
      error: '平台 `P`：`x` 是 150002 位的數字，最多讀取 1000 位',
    });
    const shape = csvShape('platform,x,y', r.model) as Exclude<ReturnType<typeof csvShape>, { error: string }>;
    expect(csvRecord(`P,${long},1`, shape)).toEqual({ error: 'platform `P`: `x` is a number of 150002 digits; at most 1000 are read' });
    // A 150k-digit CSV cell took 34 s here.
    expect(performance.now() - t0).toBeLessThan(2_000);
    expect(ndjsonRecord('{"platform":"P","evidence":{"y":1e-401}}')).toEqual({ error: 'platform `P`: `y` is 1e-401, whose exponent is beyond ±400' });
    expect(csvRecord('P,1,-1e999', shape)).toEqual({ error: 'platform `P`: `y` is -1e999, whose exponent is beyond ±400' });
  });

  it('the exact NDJSON path keeps JSON.parse’s behaviour: own `__proto__`, last repeated key, the same syntax messages', () => {
    const p = platformOf(ndjsonRecord('{"platform":"P","evidence":{"__proto__":{"a":1},"x":0.29999999999999999,"x":0.1000000000000000000001}}'));
    expect(Object.keys(p.evidence as object)).toEqual(['__proto__', 'x']);
    expect(r.assess(p).indicators[0]?.points?.toFraction()).toBe('20');
    const bad = '{"platform":"P","evidence":{"x":0.29999999999999999,}}';
    let reason = '';
    try {
      JSON.parse(bad);
    } catch (e) {
      reason = (e as Error).message;
    }
    expect(ndjsonRecord(bad)).toEqual({ error: `not valid JSON (${reason}); expected one JSON object {"platform", "evidence"} per line` });
  });

  it('sends a line to the exact reader exactly when it has 16 digits and points in a row or a 3-digit exponent', () => {
    // The pattern as stated; the reader's regular expression writes its repetition out (faster, the same language).
    const stated = /[\d.]{16}|\d[eE][+-]?\d{3}/;
    const alphabet = '0123456789.eE+-x" ';
    let seed = 7;
    const next = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    let matched = 0;
    for (let k = 0; k < 20_000; k++) {
      let s = '';
      const n = Math.floor(next() * 48);
      for (let i = 0; i < n; i++) s += alphabet[Math.floor(next() * (k % 2 === 0 ? 12 : alphabet.length))];
      const is = stated.test(s);
      if (is) matched++;
      expect(INEXACT.test(s), s).toBe(is);
    }
    expect(matched).toBeGreaterThan(1000);
    for (const s of ['1234567890.123456', '0.1000000000000000', '1e400', '2E-308', '1.5e+999']) expect(INEXACT.test(s), s).toBe(true);
    for (const s of ['123456789012345', '0.1234567890123', '1e99', '1e-99', 'e123']) expect(INEXACT.test(s), s).toBe(false);
  });
});
