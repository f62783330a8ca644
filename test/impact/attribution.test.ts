// Impact attribution that accounts for missing evidence, score-only moves and a square migration matrix (issues
// 14 and 16), and the HTML page's migration chart and diff table. In: csp-assessment 1.0, an edit of it that adds
// an indicator no corpus platform has evidence for (and cuts another weight, as an editor would), the corpus.
// Out: assertions on `impact`, its JSON and the rendered table and HTML.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderImpact } from '../../cli/impact-render';
import { compileRuleset, parseEvidenceText } from '../../engine/index';
import { impact, toImpactJson } from '../../engine/analyses/impact';
import { RULESET_DIR, ruleset, rulesetText } from '../rulesets/load';

const DIR = join(RULESET_DIR, 'corpus');
const corpus = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .flatMap((f) => parseEvidenceText(readFileSync(join(DIR, f), 'utf8'), f).platforms);

const WUE = `
  indicator water_usage_effectiveness {
    label { zh-Hans "水利用效率" zh-Hant "水利用效率" en "Water usage effectiveness" }
    weight 1
    type number >= 0
    unit "L/kWh"
    lower is better
    methods DV
    bands {
      <= 0.5: 100
      <= 1.0: 60
      else: 0
    }
  }
`;

/** 1.0 with water_usage_effectiveness added to G (weight 1) and renewable_energy_share cut 2 → 1 (G still adds up). */
function edited(): string {
  const text = rulesetText('1.0');
  const at = text.indexOf('  indicator renewable_energy_share {');
  const cut = text.indexOf('weight 2', at);
  expect(at).toBeGreaterThan(0);
  return text.slice(0, at) + WUE.trimStart() + '\n' + text.slice(at, cut) + 'weight 1' + text.slice(cut + 'weight 2'.length);
}

describe('impact of an indicator nobody has evidence for', () => {
  const a = ruleset('1.0');
  const b = compileRuleset(edited()).ruleset;
  it('compiles', () => expect(b).toBeDefined());
  if (!b) return;
  const im = impact(a, b, corpus);
  const added = im.entries.findIndex((e) => e.kind === 'indicator-added' && e.target === 'water_usage_effectiveness');

  it('credits the added indicator with every platform it moves, and says they lack its evidence', () => {
    expect(added).toBeGreaterThanOrEqual(0);
    // The weight G gives the new indicator is what every platform scoring on renewable_energy_share loses: each
    // such platform moves (in score or level) because it has no evidence for the new indicator, not because of the cut.
    const graded = im.changed.length;
    expect(graded).toBeGreaterThan(200);
    expect(im.byEntry[added]).toBe(graded);
    const cut = im.entries.findIndex((e) => e.kind === 'weight-changed');
    expect(im.byEntry[cut]).toBe(0);
    expect(im.byEntryMissing[added]).toEqual({ count: graded, fields: ['water_usage_effectiveness'] });
    for (const c of im.changed) {
      expect(c.causeIds, c.platform).toContain(added);
      expect(c.missing.get(added), c.platform).toEqual(['water_usage_effectiveness']);
    }
    const table = renderImpact(im, a, b, { format: 'table', lang: 'en' });
    expect(table).toContain(`${graded}: no evidence for \`water_usage_effectiveness\``);
    expect(table).toContain(`#${added + 1} (no evidence for \`water_usage_effectiveness\`)`);
    expect(renderImpact(im, a, b, { format: 'table', lang: 'zh-Hans' })).toContain('缺少 `water_usage_effectiveness` 的证据');
    const json = toImpactJson(im);
    expect(json.entries[added]?.movedForMissingEvidence).toEqual({ platforms: graded, fields: ['water_usage_effectiveness'] });
  });
});

describe('impact of 0.9 → 1.0 on the corpus', () => {
  const a = ruleset('0.9');
  const b = ruleset('1.0');
  const im = impact(a, b, corpus);

  it('gives causes for every moved platform, score-only moves included', () => {
    const scoreOnly = im.changed.filter((c) => c.scoreOnly);
    expect(scoreOnly.length).toBeGreaterThan(0);
    for (const c of im.changed) expect(c.causeIds.length, c.platform).toBeGreaterThan(0);
    for (const c of scoreOnly) {
      expect(c.before.total.eq(c.after.total)).toBe(false);
      // A cause alone moves the total the same way.
      const down = c.after.total.lt(c.before.total);
      for (const i of c.causeIds.filter((i) => !c.interaction && c.alone.has(i))) {
        const shown = c.alone.get(i) ?? '';
        if (/^-?\d/.test(shown)) expect(Number(shown) < c.before.total.toJSONNumber(), `${c.platform} #${i + 1} ${shown}`).toBe(down);
      }
    }
  });

  it('gives a square matrix over every level of both versions, occupied or not', () => {
    const levels = [...new Set([...a.model.levels, ...b.model.levels].map((l) => l.id))];
    for (const l of levels) expect(im.standings).toContain(l);
    expect(im.cells.length).toBe(im.standings.length);
    for (const row of im.cells) expect(row.length).toBe(im.standings.length);
    expect(im.cells.flat().reduce((x, y) => x + y, 0)).toBe(corpus.length);
    for (const m of im.matrix) expect(im.cells[im.standings.indexOf(m.from)]?.[im.standings.indexOf(m.to)]).toBe(m.count);
    const table = renderImpact(im, a, b, { format: 'md', lang: 'en' });
    const header = table.split('\n').find((l) => l.startsWith('|  |') || l.startsWith('| |'));
    expect(header?.split('|').length).toBe(im.standings.length + 3);
  });

  it('renders the migration as an inline SVG chart and the diff as a table in HTML, without scripts', () => {
    const html = renderImpact(im, a, b, { format: 'html', lang: 'en' });
    expect(html).toMatch(/<svg class="flow"[^>]*>.*<path class="band"/s);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<pre>');
    expect(html).toContain('<th>details</th>');
    expect(html).toContain('<li>type: percent</li>');
  });
});
