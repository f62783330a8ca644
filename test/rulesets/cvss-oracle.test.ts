// The CVSS v3.1 oracle (test/rulesets/cvss-oracle.ts) against the specification's own figures, before it judges the
// ruleset: the worked examples of FIRST's "CVSS v3.1: Examples" document, Appendix A's Roundup examples, §5's bands.
// In: vectors and scores copied from the documents. Out: pass when the oracle gives the documented score.

import { describe, expect, it } from 'vitest';
import { allVectors, baseScore, roundup, severity, vectorString, type Vector } from './cvss-oracle';

function parse(vector: string): Vector {
  const parts = Object.fromEntries(vector.split('/').map((p) => p.split(':') as [string, string]));
  return parts as unknown as Vector;
}

/** CVSS v3.1 Examples (FIRST): example title, vector, base score as the document gives them. */
const EXAMPLES: readonly (readonly [string, string, number])[] = [
  ['CVE-2013-1937 phpMyAdmin Reflected Cross-site Scripting', 'AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1],
  ['CVE-2013-0375 MySQL Stored SQL Injection', 'AV:N/AC:L/PR:L/UI:N/S:C/C:L/I:L/A:N', 6.4],
  ['CVE-2014-3566 SSLv3 POODLE', 'AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N', 3.1],
  ['CVE-2012-1516 VMware Guest to Host Escape', 'AV:N/AC:L/PR:L/UI:N/S:C/C:H/I:H/A:H', 9.9],
  ['CVE-2015-1098 Apple iWork Denial of Service', 'AV:L/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 7.8],
  ['CVE-2014-0160 OpenSSL Heartbleed', 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N', 7.5],
  ['CVE-2014-6271 GNU Bash Shellshock', 'AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8],
  ['CVE-2008-1447 DNS Kaminsky Bug', 'AV:N/AC:H/PR:N/UI:N/S:C/C:N/I:H/A:N', 6.8],
  ['CVE-2014-2005 Sophos Login Screen Bypass', 'AV:P/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 6.8],
  ['CVE-2010-0467 Joomla Directory Traversal', 'AV:N/AC:L/PR:N/UI:N/S:C/C:L/I:N/A:N', 5.8],
  ['CVE-2012-0384 Cisco IOS Arbitrary Command Execution', 'AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 8.8],
  ['CVE-2011-1265 Microsoft Windows Bluetooth Remote Code Execution', 'AV:A/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 8.8],
  ['CVE-2012-5376 Google Chrome Sandbox Bypass', 'AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:H', 9.6],
  ['CVE-2015-0970 SearchBlox Cross-Site Request Forgery', 'AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H', 8.8],
  ['CVE-2014-0224 SSL/TLS MITM', 'AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:N', 7.4],
  ['CVE-2009-0783 Apache Tomcat XML Parser', 'AV:L/AC:L/PR:H/UI:N/S:U/C:L/I:L/A:L', 4.2],
];

describe('the CVSS v3.1 oracle', () => {
  it.each(EXAMPLES)('%s: %s → %s (CVSS v3.1 Examples)', (_name, vector, score) => {
    expect(baseScore(parse(vector))).toBe(score);
  });

  it('Roundup as Appendix A and §7.1 footnote define it: 4.02 → 4.1, 4.00 → 4.0, and no floating-point creep', () => {
    expect(roundup(4.02)).toBe(4.1);
    expect(roundup(4.0)).toBe(4.0);
    // 0.1 + 0.2 is 0.30000000000000004 in doubles: a plain ceiling to one decimal gives 0.4, Roundup 0.3.
    expect(Math.ceil((0.1 + 0.2) * 10) / 10).toBe(0.4);
    expect(roundup(0.1 + 0.2)).toBe(0.3);
  });

  it('§5 bands: 0.0 None, 0.1–3.9 Low, 4.0–6.9 Medium, 7.0–8.9 High, 9.0–10.0 Critical', () => {
    expect([0, 0.1, 3.9, 4.0, 6.9, 7.0, 8.9, 9.0, 10.0].map(severity)).toEqual([
      'none', 'low', 'low', 'medium', 'medium', 'high', 'high', 'critical', 'critical',
    ]);
  });

  it('covers 2,592 distinct vectors, scores within 0–10, 0 exactly when no impact metric is High or Low', () => {
    const all = allVectors();
    expect(all).toHaveLength(2592);
    expect(new Set(all.map(vectorString)).size).toBe(2592);
    for (const v of all) {
      const s = baseScore(v);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThanOrEqual(10);
      expect(s === 0).toBe(v.C === 'N' && v.I === 'N' && v.A === 'N');
    }
  });
});
