// Every `--format md` output of a hostile ruleset and hostile evidence, rendered with a common Markdown renderer
// (`marked`) in headless Chromium (issue 17): no script runs, no dialog opens, no request leaves, no element has an
// event handler, no link or source is `javascript:`, and a newline followed by `#` in a value makes no heading; the
// hostile text is still shown as written. In: the built CLI (dist/) and rulesets written to a temp folder.

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { marked } from 'marked';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, REPO, type Browser } from './harness';

const BIN = join(REPO, 'dist/cli/assay.js');

/** Payloads that a label, unit, basis, platform name or field could carry (the DSL string escapes `\n` and `\"`). */
const RULESET = (version: string, cut: string) => `ruleset "hostile" {
  version "${version}"
  status "draft"
  date 2026-01-01
  title { zh-Hans "T" zh-Hant "T" en "<script>alert('title')</script>" }
  total 10
}

method DV {
  label { zh-Hans "m" zh-Hant "m" en "<img src=x onerror=alert('method')>" }
}

dimension G {
  label { zh-Hans "g" zh-Hant "g" en "<script>alert('dim')</script>\\n# injected dimension" }
  weight 10

  indicator pue {
    label { zh-Hans "p" zh-Hant "p" en "[click](javascript:alert('pue')) ![i](http://127.0.0.1:9/img-${version})" }
    weight 10
    type number >= 1
    unit "<img src=http://127.0.0.1:9/unit-${version} onerror=alert('unit')>"
    lower is better
    methods DV
    basis "<script>alert('basis')</script>\\n\\n# injected basis <a href=\\"javascript:alert(2)\\">x</a> <javascript:alert(5)>"
    bands {
      <= 1.15: 100
      <= ${cut}: 20
      else: 0
    }
  }
}

veto V1 {
  label { zh-Hans "v" zh-Hant "v" en "<iframe src=javascript:alert('veto')></iframe>" }
  when pue > 3
}

levels cumulative {
  level L1 {
    label { zh-Hans "l" zh-Hant "l" en "<svg onload=alert('level')>\\n## injected level" }
    require total >= 9
    require pue <= 1.15
  }
  fallback L0 {
    label { zh-Hans "l0" zh-Hant "l0" en "<details open ontoggle=alert('fallback')>x</details>" }
  }
}
`;

const PLATFORM_A = `platform: "<img src=x onerror=alert(7)>"
name: "<script>alert('name')</script>\\n# injected name [x](javascript:alert('name'))"
evidence:
  pue: 1.3
  "<svg onload=alert('field')>": 1
`;

const PLATFORM_B = `platform: "P2 <a href='javascript:alert(3)'>x</a>"
name: "\\u001b]8;;javascript:alert(1)\\u0007link\\u001b]8;;\\u0007 \\u202e evil <b onmouseover=alert(4)>b</b>"
evidence:
  pue: 1.55
`;

interface Output {
  readonly name: string;
  readonly markdown: string;
}

function run(args: string[], cwd: string): string {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (r.status !== 0 && r.status !== 1) throw new Error(`assay ${args.join(' ')}: ${r.stderr}`);
  return r.stdout;
}

/** Each Markdown output of the CLI for the hostile files. */
function outputs(): Output[] {
  const dir = mkdtempSync(join(tmpdir(), 'assay-md-'));
  writeFileSync(join(dir, 'a.assay'), RULESET('1', '1.5'));
  writeFileSync(join(dir, 'b.assay'), RULESET('2', '1.6'));
  writeFileSync(join(dir, 'a.yaml'), PLATFORM_A);
  writeFileSync(join(dir, 'b.yaml'), PLATFORM_B);
  const ev = ['a.yaml', 'b.yaml'];
  run(['report', 'a.assay', ...ev, '--out', 'report.md', '--against', 'none'], dir);
  return [
    { name: 'report', markdown: readFileSync(join(dir, 'report.md'), 'utf8') },
    { name: 'explain', markdown: run(['explain', 'a.assay', ...ev, '--format', 'md', '--against', 'none'], dir) },
    { name: 'gap', markdown: run(['gap', 'a.assay', 'a.yaml', '--format', 'md'], dir) },
    { name: 'eval', markdown: run(['eval', 'a.assay', ...ev, '--format', 'md'], dir) },
    { name: 'eval --explain', markdown: run(['eval', 'a.assay', ...ev, '--format', 'md', '--explain', '--against', 'none'], dir) },
    { name: 'diff', markdown: run(['diff', 'a.assay', 'b.assay', '--format', 'md'], dir) },
    { name: 'impact', markdown: run(['impact', 'a.assay', 'b.assay', ...ev, '--format', 'md'], dir) },
    { name: 'doc', markdown: run(['doc', 'b.assay', '--against', 'a.assay'], dir) },
  ];
}

describe('Markdown outputs of hostile input, rendered with marked in Chromium', () => {
  let browser: Browser;
  let list: Output[];
  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: REPO, stdio: 'inherit' });
    list = outputs();
    browser = await openBrowser();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('every output is non-trivial and shows the hostile text as text', () => {
    expect(list.map((o) => o.name)).toEqual(['report', 'explain', 'gap', 'eval', 'eval --explain', 'diff', 'impact', 'doc']);
    for (const o of list) expect(o.markdown.length, o.name).toBeGreaterThan(100);
  });

  for (const name of ['report', 'explain', 'gap', 'eval', 'eval --explain', 'diff', 'impact', 'doc']) {
    it(`${name}: no script, dialog, request, handler, javascript: link or injected heading`, async () => {
      const o = list.find((x) => x.name === name);
      if (!o) throw new Error(`no output ${name}`);
      const html = await marked.parse(o.markdown, { async: true });
      const page = await browser.context.newPage();
      const dialogs: string[] = [];
      const requests: string[] = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      page.on('request', (r) => {
        if (!r.url().startsWith('data:') && r.url() !== 'about:blank') requests.push(r.url());
      });
      await page.setContent(`<!doctype html><meta charset="utf-8"><body>${html}</body>`, { waitUntil: 'load' });
      // Give handlers (onerror, onload, ontoggle) a moment to fire, and hover everything (onmouseover).
      await page.evaluate(() => {
        for (const el of Array.from(document.querySelectorAll('*'))) el.dispatchEvent(new MouseEvent('mouseover', { bubbles: true }));
      });
      await page.waitForTimeout(300);
      const found = await page.evaluate(() => {
        const all = Array.from(document.querySelectorAll('*'));
        const handlers = all.flatMap((el) => Array.from(el.attributes).filter((a) => a.name.toLowerCase().startsWith('on')).map((a) => `${el.tagName} ${a.name}`));
        const jsUrls = all.flatMap((el) =>
          ['href', 'src', 'action', 'formaction', 'xlink:href', 'data']
            .map((n) => el.getAttribute(n))
            .filter((v): v is string => v !== null && /^\s*javascript:/i.test(v.replace(/[\u0000-\u001f]/g, ''))),
        );
        const dangerous = all.filter((el) => ['SCRIPT', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'DETAILS', 'IMG', 'STYLE', 'LINK', 'META', 'FORM'].includes(el.tagName.toUpperCase())).map((el) => el.tagName);
        const headings = Array.from(document.querySelectorAll('h1,h2,h3,h4,h5,h6')).map((h) => h.textContent ?? '');
        return { handlers, jsUrls, dangerous: dangerous.filter((t) => t !== 'META'), headings, text: document.body.innerText, tables: document.querySelectorAll('table').length };
      });
      await page.close();
      expect(dialogs, name).toEqual([]);
      expect(requests, name).toEqual([]);
      expect(found.handlers, name).toEqual([]);
      expect(found.jsUrls, name).toEqual([]);
      expect(found.dangerous, name).toEqual([]);
      expect(found.headings.filter((h) => /^\s*injected/.test(h)), name).toEqual([]);
      expect(found.text).not.toMatch(/[\u001b\u202e]/);
      // The hostile text is shown, not dropped: the payload of a label or name appears as text.
      expect(found.text, name).toContain(name === 'diff' || name === 'impact' || name === 'doc' ? "[click](javascript:alert('pue'))" : "<img src=x onerror=alert(7)>");
      // Tables stay tables (a cell cannot break its row).
      if (name !== 'gap' && name !== 'diff') expect(found.tables, name).toBeGreaterThan(0);
    });
  }
});
