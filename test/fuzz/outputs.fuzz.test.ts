// Fuzzing what Assay writes for people (issue 17): bytes that are not UTF-8 are refused with the offset of the first
// bad byte and never turned into U+FFFD; terminal escapes, bidi controls and Markdown/HTML payloads in labels,
// units, basis, platform names and evidence fields never reach the terminal raw, and every Markdown output, rendered
// with `marked`, has only our own markup (no tag, attribute, link or heading of a value's own) and shows the text.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { marked } from 'marked';
import { afterAll, describe, expect, it } from 'vitest';
import { visibleControls } from '../../dsl/visible';
import { explanationMarkdown, explanationText } from '../../engine/analyses/explain/index';
import { explainPlatform } from '../../engine/analyses/explain/model';
import { compileRuleset, parseEvidenceText } from '../../engine/index';
import { reportMarkdown } from '../../engine/report/index';
import { escapeMarkdown } from '../../engine/report/escape';
import { decodeUtf8, firstInvalidUtf8 } from '../../cli/decode';
import { CliError } from '../../cli/io';
import { markdownTable, textTable } from '../../cli/table';
import type { Out } from '../../cli/commands/common';
import { params, tally } from './budget';

process.env['ASSAY_NO_MAIN'] = '1';
const { main } = await import('../../cli/assay');

/** Raw controls a terminal obeys, and bidi / invisible format characters. */
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/** Pieces of hostile text: escapes, bidi controls, HTML, Markdown, line breaks, CJK. */
const PIECES = [
  '\u001b]8;;https://evil.example/\u0007', '\u001b]8;;\u0007', '\u001b]0;title\u0007', '\u001b[2J', '\u001b[31m', '\u009b31m', '\r', '\u0007',
  '\u202e', '\u2066', '\u200f', '\ufeff', '<script>alert(1)</script>', '<img src=x onerror=alert(1)>', '<a href="javascript:alert(1)">a</a>',
  '[x](javascript:alert(1))', '![i](http://127.0.0.1:9/x)', '<javascript:alert(1)>', '<http://127.0.0.1:9/>', '&lt;b&gt;', '&#60;script&#62;',
  '\n# heading\n', '\n\n- item', '\n1. one', '\n> quote', '\n---\n', '| a | b |', '`code`', '```', '**b**', '_e_', '~~s~~', '\\', '\t',
  '<!-- c -->', '<?php ?>', '<![CDATA[x]]>', 'javascript:alert(1)', 'x_y', '算力', ' ',
];
const hostile = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...PIECES) }, { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) }), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(''));

/** `s` as a DSL string literal (every character outside letters and digits as `\uXXXX`). */
function dslString(s: string): string {
  return `"${s.replace(/[^A-Za-z0-9 ]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)}"`;
}

function ruleset(label: string): string {
  const l = dslString(label);
  return `ruleset "f" {
  version "1"
  status "draft"
  date 2026-01-01
  title { zh-Hans ${l} zh-Hant "t" en ${l} }
  total 10
}
dimension G {
  label { zh-Hans ${l} zh-Hant "g" en ${l} }
  weight 10
  indicator pue {
    label { zh-Hans ${l} zh-Hant "p" en ${l} }
    weight 10
    type number >= 1
    unit ${l}
    basis ${l}
    bands {
      <= 1.2: 100
      else: 0
    }
  }
}
levels cumulative {
  level L1 {
    label { zh-Hans ${l} zh-Hant "l" en ${l} }
    require total >= 9
  }
  fallback L0 {
    label { zh-Hans ${l} zh-Hant "l" en ${l} }
  }
}
`;
}

function evidence(name: string): string {
  return JSON.stringify({ platform: `P ${name}`, name, evidence: { pue: 1.3, [`f ${name}`]: 1 } });
}

/** Tags and attributes a Markdown output may render to: marked's own, and the `<br><small>` of the explanation. */
const TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'strong', 'em', 'code', 'pre', 'br', 'small', 'hr', 'del']);

function markupOf(html: string): { tags: string[]; bad: string[] } {
  const tags: string[] = [];
  const bad: string[] = [];
  for (const m of html.matchAll(/<\/?([A-Za-z][\w:-]*)([^>]*)>/g)) {
    const name = (m[1] ?? '').toLowerCase();
    const attrs = (m[2] ?? '').trim();
    // GFM turns a bare `http://…`, `www.…` or e-mail address into a link to itself: allowed, never another scheme.
    if (name === 'a' && (m[0] === '</a>' || /^href="(https?:\/\/|mailto:)[^"]*"$/.test(attrs))) continue;
    if (!m[0].startsWith('</')) tags.push(name);
    if (!TAGS.has(name) || (attrs !== '' && !/^align="(left|right|center)"$/.test(attrs) && !/^start="\d+"$/.test(attrs))) bad.push(m[0]);
  }
  return { tags, bad };
}

function outputsFor(label: string, lang: 'en' | 'zh-Hans'): { text: string; md: string } {
  const compiled = compileRuleset(ruleset(label)).ruleset;
  if (!compiled) throw new Error(`ruleset with label ${JSON.stringify(label)} does not compile`);
  const doc = parseEvidenceText(evidence(label), 'p.json').platforms[0];
  if (!doc) throw new Error('no platform');
  const { explanation } = explainPlatform(compiled, doc, { lang });
  const md = [
    explanationMarkdown(explanation, lang),
    reportMarkdown([{ explanation, evidenceFile: `p ${label}.json`, evidenceHash: 'sha256:0' }], { ruleset: compiled, assayVersion: 't', renderedAt: 't', lang }),
    markdownTable(['a', label], [[label, 'x'], ['y', label]]),
  ].join('\n\n');
  return { text: explanationText(explanation, lang) + textTable(['a', label], [[label, 'b']]), md };
}

describe('fuzz: outputs', () => {
  it('bytes that are not UTF-8 are refused at the first bad byte; valid ones decode to the same bytes', () => {
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      fc.string({ maxLength: 20 }).map((s) => new Uint8Array(Buffer.from(s, 'latin1'))),
      fc.tuple(fc.string({ maxLength: 20, unit: 'grapheme' }), fc.uint8Array({ minLength: 1, maxLength: 3 }), fc.string({ maxLength: 5 })).map(
        ([a, junk, b]) => new Uint8Array([...Buffer.from(a, 'utf8'), ...junk, ...Buffer.from(b, 'utf8')]),
      ),
    );
    fc.assert(
      fc.property(bytes, (b) => {
        let text: string;
        try {
          text = decodeUtf8(b, 'f.txt');
        } catch (e) {
          expect(e).toBeInstanceOf(CliError);
          const err = e as CliError;
          expect(err.key).toBe('notUtf8');
          const offset = Number(err.args['offset']);
          expect(offset).toBe(firstInvalidUtf8(b));
          expect(offset).toBeLessThan(b.length);
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(0, offset))).not.toThrow();
          expect(() => new TextDecoder('utf-8', { fatal: true }).decode(b.subarray(offset, offset + 4))).toThrow();
          expect(err.args['iconv']).toMatch(/^iconv -f (LATIN1|GB18030|BIG5|UTF-16) -t UTF-8 /);
          return;
        }
        expect(firstInvalidUtf8(b)).toBe(b.length);
        expect(Buffer.from(text, 'utf8').equals(Buffer.from(b))).toBe(true);
      }),
      params('non-UTF-8 bytes', 0.008),
    );
  });

  it('terminal output (explain, eval, check, warnings, tables) never holds a raw escape or bidi control', () => {
    const dir = mkdtempSync(join(tmpdir(), 'assay-fuzz-out-'));
    fc.assert(
      fc.property(hostile, fc.constantFrom('en', 'zh-Hans') as fc.Arbitrary<'en' | 'zh-Hans'>, (label, lang) => {
        expect(visibleControls(label)).not.toMatch(RAW);
        expect(visibleControls(visibleControls(label))).toBe(visibleControls(label));
        const { text } = outputsFor(label, lang);
        expect(visibleControls(text)).not.toMatch(RAW);
        const r = join(dir, 'r.assay');
        const e = join(dir, 'e.json');
        writeFileSync(r, ruleset(label));
        writeFileSync(e, evidence(label));
        writeFileSync(join(dir, 'bad.assay'), `ruleset "x" {\n  version "1"\n}\n# ${label.replace(/[\r\n]/g, ' ')}\ndimension A { weight ? } # ${label.replace(/[\r\n]/g, ' ')}\n`);
        for (const args of [['explain', r, e, '--against', 'none'], ['eval', r, e], ['check', join(dir, 'bad.assay')]]) {
          const chunks: string[] = [];
          const out: Out = { out: (s) => chunks.push(s), err: (s) => chunks.push(s), tty: false };
          main([...args, '--lang', lang], out);
          expect(chunks.join('\n'), args[0]).not.toMatch(RAW);
        }
      }),
      params('terminal escapes', 0.006),
    );
  });

  it('Markdown outputs render with marked to our own markup only, with as many headings and rows as a plain label gives', async () => {
    const baseline = { en: outputsFor('plain', 'en').md, 'zh-Hans': outputsFor('plain', 'zh-Hans').md };
    const shape = async (md: string) => {
      const m = markupOf(await marked.parse(md, { async: true }));
      return { bad: m.bad, tags: m.tags.filter((t) => /^(h\d|tr|li|table|pre)$/.test(t)).join(' ') };
    };
    const expected = { en: await shape(baseline.en), 'zh-Hans': await shape(baseline['zh-Hans']) };
    await fc.assert(
      fc.asyncProperty(hostile, fc.constantFrom('en', 'zh-Hans') as fc.Arbitrary<'en' | 'zh-Hans'>, async (label, lang) => {
        const { md } = outputsFor(label, lang);
        expect(md).not.toMatch(RAW);
        const s = await shape(md);
        expect(s.bad).toEqual([]);
        expect(s.tags).toBe(expected[lang].tags);
        // One value alone shows as written (line breaks as spaces, controls as \uXXXX), not as markup.
        const inline = await marked.parseInline(escapeMarkdown(label), { async: true });
        expect(markupOf(inline).tags).toEqual([]);
        const shown = inline.replace(/<\/?a[^>]*>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
        // (A GFM autolink takes its characters as they are written, backslashes included: not compared.)
        if (!inline.includes('<a ')) expect(shown.trim()).toBe(visibleControls(label.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ')).trim());
      }),
      params('Markdown payloads', 0.006),
    );
  });
});

afterAll(() => {
  const total = [...tally.values()].reduce((a, b) => a + b, 0);
  console.log(`fuzz (outputs): ${total} cases: ${[...tally].map(([k, v]) => `${k} ${v}`).join(', ')}`);
});
