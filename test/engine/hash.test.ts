// SHA-256 (pure TypeScript) against published vectors and node:crypto, and the ruleset content hash.
// In: byte strings and DSL texts. Out: digests; the hash ignores layout and comments but not content.

import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256Text } from '../../engine/model/hash';
import { ok, rs } from './helpers';

describe('SHA-256', () => {
  it('matches the FIPS 180-2 test vectors', () => {
    expect(sha256Text('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Text('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(sha256Text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
    expect(sha256Text('a'.repeat(1_000_000))).toBe('cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0');
  });

  it('hashes UTF-8 text', () => {
    expect(sha256Text('算力')).toBe('cc273cdd14052963b2d772ac4e36527e98fad745193be452730f285e6441e0b1');
  });

  it('agrees with node:crypto at every length around the block boundaries', () => {
    for (let n = 0; n <= 200; n++) {
      const bytes = new Uint8Array(n).map((_, i) => (i * 31 + n) & 0xff);
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});

describe('ruleset hash', () => {
  const a = rs(`
input a: boolean
prerequisite P { require a }`);
  const reformatted = `# a comment that changes nothing
ruleset "t" {
  version "1"   status "draft"
  date 2026-01-01
  title { zh-Hans "测试"   zh-Hant "測試"   en "Test" }
  total 100
}


input a:   boolean   # trailing comment
prerequisite P {
  require   a
}
`;

  it("is 'sha256:' and 64 hex digits", () => {
    expect(ok(a).identity.hash).toMatch(/^sha256:[0-9a-f]{64}$/);
  });

  it('does not change with formatting or comments', () => {
    expect(ok(reformatted).identity.hash).toBe(ok(a).identity.hash);
  });

  it('changes with any change of content', () => {
    expect(ok(a.replace('require a', 'require not a')).identity.hash).not.toBe(ok(a).identity.hash);
    expect(ok(a.replace('version "1"', 'version "2"')).identity.hash).not.toBe(ok(a).identity.hash);
  });

  it('the identity carries id, version, status and date', () => {
    const { hash: _h, ...rest } = ok(a).identity;
    expect(rest).toEqual({ id: 't', version: '1', status: 'draft', date: '2026-01-01' });
  });
});
