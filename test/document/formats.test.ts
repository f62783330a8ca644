// The document's three formats: Markdown and HTML escape every value from the ruleset; the .docx is a valid ZIP
// (every CRC-32 checked against Node's zlib, `unzip -t` when present) with the Office Open XML parts Word and
// LibreOffice need, well-formed XML, and the document's text in word/document.xml. In: the csp rulesets and a
// hostile one. Out: pass/fail.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 as zlibCrc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { documentOf, renderDocument } from '../../engine/document/index';
import { crc32 } from '../../engine/document/zip';
import { compileRuleset } from '../../engine/index';
import { ruleset } from '../rulesets/load';
import { markdownTables } from './tables';

interface Part {
  readonly name: string;
  readonly data: Uint8Array;
}

/** Reads a stored ZIP through its central directory, checking every header, size and CRC on the way. */
function readZip(bytes: Uint8Array): Part[] {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(v.getUint32(end, true), 'end of central directory').toBe(0x06054b50);
  const n = v.getUint16(end + 10, true);
  const dirSize = v.getUint32(end + 12, true);
  let at = v.getUint32(end + 16, true);
  expect(at + dirSize).toBe(end);
  const dec = new TextDecoder('utf-8', { fatal: true });
  const parts: Part[] = [];
  for (let i = 0; i < n; i++) {
    expect(v.getUint32(at, true), 'central header').toBe(0x02014b50);
    const method = v.getUint16(at + 10, true);
    const crc = v.getUint32(at + 16, true);
    const size = v.getUint32(at + 24, true);
    const nameLen = v.getUint16(at + 28, true);
    const extra = v.getUint16(at + 30, true);
    const comment = v.getUint16(at + 32, true);
    const local = v.getUint32(at + 42, true);
    const name = dec.decode(bytes.subarray(at + 46, at + 46 + nameLen));
    expect(method, name).toBe(0);
    expect(v.getUint32(local, true), `${name}: local header`).toBe(0x04034b50);
    expect(v.getUint32(local + 14, true), `${name}: local CRC`).toBe(crc);
    const dataAt = local + 30 + v.getUint16(local + 26, true) + v.getUint16(local + 28, true);
    const data = bytes.subarray(dataAt, dataAt + size);
    expect(zlibCrc32(data) >>> 0, `${name}: CRC-32`).toBe(crc);
    parts.push({ name, data });
    at += 46 + nameLen + extra + comment;
  }
  return parts;
}

/** Every element closed in order (`<a>…</a>`, `<b/>`), one root, no stray `<` or `&` in text: well-formed enough to trust. */
function wellFormed(xml: string): void {
  const body = xml.replace(/^<\?xml[^?]*\?>\s*/, '');
  const stack: string[] = [];
  let roots = 0;
  for (const m of body.matchAll(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/g)) {
    if (m[5] !== undefined) {
      expect(/&(?!(amp|lt|gt|quot|#\d+);)/.test(m[5]), `stray & in ${m[5].slice(0, 40)}`).toBe(false);
      continue;
    }
    if (stack.length === 0) roots++;
    if (m[1] === '/') expect(stack.pop()).toBe(m[2]);
    else if (m[4] !== '/') stack.push(m[2] as string);
  }
  expect(stack).toEqual([]);
  expect(roots).toBe(1);
  expect(body.replace(/<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|[^<]+/g, '')).toBe('');
}

const v09 = ruleset('0.9');
const v10 = ruleset('1.0');

describe('docx', () => {
  it('crc32 is the standard CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array())).toBe(0);
  });

  for (const lang of ['zh-Hans', 'zh-Hant', 'en'] as const) {
    it(`${lang}: a valid ZIP with the package parts, well-formed XML and the document's text`, () => {
      const bytes = renderDocument(documentOf(v10.model, lang, { against: v09.model }), 'docx');
      const parts = readZip(bytes);
      expect(parts[0]?.name).toBe('[Content_Types].xml');
      expect(parts.map((p) => p.name).sort()).toEqual(
        ['[Content_Types].xml', '_rels/.rels', 'docProps/core.xml', 'word/_rels/document.xml.rels', 'word/document.xml', 'word/styles.xml'].sort(),
      );
      const text = (name: string): string => new TextDecoder().decode(parts.find((p) => p.name === name)?.data);
      for (const p of parts) wellFormed(text(p.name));
      expect(text('[Content_Types].xml')).toContain('PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"');
      expect(text('_rels/.rels')).toContain('Target="word/document.xml"');
      const doc = text('word/document.xml');
      const words = [...doc.matchAll(/<w:t xml:space="preserve">([^<]*)<\/w:t>/g)].map((m) => m[1]);
      expect(words).toContain('total_compute_scale');
      expect(words).toContain('≥2000: 100; ≥300: 80; ≥100: 60; ≥20: 40; else 20'.replace('else', lang === 'en' ? 'else' : lang === 'zh-Hans' ? '其余' : '其餘'));
      expect(words).toContain({ 'zh-Hans': '电能利用效率', 'zh-Hant': '電能使用效率', en: 'Power usage effectiveness (annual)' }[lang]);
      // the revision table's twelve rows follow its head row
      const revision = doc.slice(0, doc.indexOf('</w:tbl>'));
      expect(revision.match(/<w:tr>/g)).toHaveLength(13);
    });
  }

  it('unzip accepts it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-docx-'));
    const file = join(dir, 'csp.docx');
    writeFileSync(file, renderDocument(documentOf(v09.model, 'zh-Hans'), 'docx'));
    let has = true;
    try {
      execFileSync('unzip', ['-v'], { stdio: 'ignore' });
    } catch {
      has = false;
    }
    if (!has) return; // the ZIP is still read and every CRC checked by readZip above
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
  });

  it('the same ruleset gives the same bytes', () => {
    const a = renderDocument(documentOf(v09.model, 'en'), 'docx');
    const b = renderDocument(documentOf(v09.model, 'en'), 'docx');
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});

const HOSTILE = `ruleset "evil" {
  version "1"
  status "draft"
  title { en "<script>alert(1)</script> | x |" }
  total 10
}
method M { label { en "<img src=x onerror=alert(1)>" } }
dimension D {
  label { en "D\\u001b[31m | ![i](x.png)" }
  weight 10
  indicator x {
    label { en "a | b\\n# heading & </w:t>" }
    weight 10
    type number >= 0
    unit "<b>u</b>"
    higher is better
    methods M "note | with <i>"
    basis "[link](http://example.com)"
    bands {
      >= 1: 100
      else: 0
    }
  }
}
levels {
  level L1 { label { en "<L1>" } require total >= 5 }
  fallback L0 { label { en "L0" } }
}
`;

describe('hostile text stays text', () => {
  const r = compileRuleset(HOSTILE).ruleset;
  if (!r) throw new Error('hostile ruleset did not compile');
  const doc = documentOf(r.model, 'en');

  it('HTML: no tag from the ruleset, a CSP that forbids fetches', () => {
    const html = renderDocument(doc, 'html');
    expect(html).not.toMatch(/<script|<img|<b>|<i>|<L1>/);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain("default-src 'none'");
  });

  it('Markdown: no extra row, column, heading, link or image', () => {
    const md = renderDocument(doc, 'md');
    const t = markdownTables(md).find((x) => x.heading.startsWith('3.1'));
    expect(t?.rows).toHaveLength(1);
    expect(t?.rows[0]).toHaveLength(8);
    expect(t?.rows[0]?.[1]).toBe('a | b # heading & </w:t>');
    expect(md).not.toMatch(/^# heading/m);
    expect(md).not.toMatch(/(?<!\\)\[link\]\(/);
    expect(md).not.toContain('\u001b');
  });

  it('docx: escaped XML, controls shown as \\u001b', () => {
    const parts = readZip(renderDocument(doc, 'docx'));
    const xml = new TextDecoder().decode(parts.find((p) => p.name === 'word/document.xml')?.data);
    wellFormed(xml);
    expect(xml).toContain('a | b\n# heading &amp; &lt;/w:t&gt;');
    expect(xml).not.toContain('\u001b');
    expect(xml).toContain('\\u001b[31m');
  });
});
