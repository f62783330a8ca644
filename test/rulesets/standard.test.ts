// The 0.9 ruleset against the tables of the standard's own text (rulesets/csp-assessment/draft-0.9.md, a
// verbatim copy): every §3 column of every indicator, the §2 facts and methods, the §4 and §5 labels and
// the §5 thresholds. In: the markdown and the parsed ruleset. Out: one failure per cell that differs.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Ruleset } from '../../dsl/ast';
import { parseRuleset } from '../../dsl/parse';
import { RULESET_DIR, rulesetText } from './load';
import { expr, labels, methodColumn, scoring, SYM, typeColumn, typeText } from './render';

const DRAFT = readFileSync(join(RULESET_DIR, 'draft-0.9.md'), 'utf8').split(/\r?\n/);

/** Body rows of the table that follows the line `heading`. */
function tableAfter(heading: string): string[][] {
  const at = DRAFT.indexOf(heading);
  if (at < 0) throw new Error(`draft-0.9.md: no line ${heading}`);
  const rows: string[][] = [];
  for (const line of DRAFT.slice(at + 1)) {
    if (line.startsWith('|')) {
      rows.push(
        line
          .trim()
          .replace(/^\||\|$/g, '')
          .split('|')
          .map((c) => c.trim()),
      );
    } else if (rows.length > 0) break;
  }
  return rows.slice(2);
}

function tree(): Ruleset {
  const r = parseRuleset(rulesetText('0.9'));
  if (!r.ast) throw new Error('0.9 did not parse');
  return r.ast;
}

describe('0.9 encodes the tables of draft-0.9.md cell by cell', () => {
  const ast = tree();
  const dims = ast.items.filter((x) => x.kind === 'Dimension');

  const headings = DRAFT.filter((l) => /^### [A-G] /.test(l));
  it('§3 has the seven dimensions in order with their labels and weights', () => {
    expect(dims.map((d) => `### ${d.id.name} ${labels(d.label).replace(/ \/ /g, ' · ')} — weight ${d.weight?.text}`)).toEqual(
      headings,
    );
  });

  for (const heading of headings) {
    const id = heading.slice(4, 5);
    for (const row of tableAfter(heading)) {
      const [rid, lab, type, dir, bands, methods, basis, w] = row;
      const indId = (rid ?? '').replace(/`/g, '');
      it(`§3 ${id} ${indId}`, () => {
        const dim = dims.find((d) => d.id.name === id);
        const ind = dim?.indicators.find((i) => i.id.name === indId);
        expect(ind, `${indId} in dimension ${id}`).toBeDefined();
        if (!ind) return;
        expect({
          labels: labels(ind.label),
          type: typeColumn(ind),
          dir: ind.direction?.value === 'higher' ? '↑' : ind.direction?.value === 'lower' ? '↓' : '?',
          bands: scoring(ind),
          methods: methodColumn(ind),
          basis: ind.basis?.value,
          weight: ind.weight?.text,
        }).toEqual({ labels: lab, type, dir, bands, methods, basis, weight: w });
      });
    }
  }

  it('§3 lists every indicator of the ruleset (35) and no other', () => {
    const fromText = headings.flatMap((h) => tableAfter(h).map((r) => (r[0] ?? '').replace(/`/g, '')));
    expect(dims.flatMap((d) => d.indicators.map((i) => i.id.name))).toEqual(fromText);
    expect(fromText).toHaveLength(35);
  });

  it('§2 facts are the inputs, with their types', () => {
    const inputs = ast.items.filter((x) => x.kind === 'Input');
    const rows = tableAfter('used by prerequisites, vetoes and applicability:');
    expect(inputs.map((i) => [i.id.name, typeText(i.type)])).toEqual(
      rows.map((r) => [(r[0] ?? '').replace(/`/g, ''), r[1] ?? '']),
    );
    for (const i of inputs) expect(i.label?.entries.map((e) => e.lang)).toEqual(['zh-Hans', 'zh-Hant', 'en']);
  });

  it('§2 methods DR OS TT DV IV with the text’s zh-Hans and en names', () => {
    const line = DRAFT.find((l) => l.startsWith('Methods: ')) ?? '';
    const more = DRAFT[DRAFT.indexOf(line) + 1] ?? '';
    const text = `${line} ${more}`.replace(/^Methods: /, '').replace(/\.$/, '');
    const fromText = text.split(' · ').map((part) => {
      const m = /^(\w+) (\S+) (.+)$/.exec(part.trim());
      return [m?.[1], m?.[2], m?.[3]];
    });
    const methods = ast.items.filter((x) => x.kind === 'Method');
    expect(
      methods.map((m) => {
        const e = new Map(m.label?.entries.map((x) => [x.lang, x.value.value]));
        return [m.id.name, e.get('zh-Hans'), e.get('en')?.toLowerCase()];
      }),
    ).toEqual(fromText);
  });

  it('§4 prerequisites and vetoes: ids, kinds and labels, in the table’s order', () => {
    const rows = tableAfter('## 4. Prerequisites and vetoes');
    const items = ast.items.filter((x) => x.kind === 'Prerequisite' || x.kind === 'Veto');
    expect(items.map((x) => [`\`${x.id.name}\``, x.kind.toLowerCase(), labels(x.label)])).toEqual(
      rows.map((r) => [r[0], r[1], r[2]]),
    );
  });

  it('§5 levels: ids, labels, total and dimension thresholds, further gates', () => {
    const rows = tableAfter('## 5. Levels');
    const ladder = ast.items.find((x) => x.kind === 'Levels');
    if (!ladder) throw new Error('no levels');
    expect(ladder.cumulative).toBe(true);
    const got = ladder.levels.map((l) => {
      const [total, share, ...gates] = l.requires;
      return [
        `\`${l.id.name}\``,
        labels(l.label),
        total?.kind === 'Compare' && total.left.kind === 'Total' && total.op === '>=' ? expr(total.right) : '?',
        share?.kind === 'Quantified' && share.body.kind === 'Compare' && share.body.right.kind === 'Percent'
          ? `${share.body.right.text}%`
          : '?',
        gates.length === 0
          ? '—'
          : gates
              .map((g) =>
                g.kind === 'Compare'
                  ? `\`${expr(g.left)}\` ${SYM[g.op] ?? g.op} ${expr(g.right)}`
                  : g.kind === 'In'
                    ? `\`${expr(g.operand)}\` is ${g.set.map(expr).join(' or ')}`
                    : '?',
              )
              .join('; '),
      ];
    });
    got.push([`\`${ladder.fallback?.id.name}\``, labels(ladder.fallback?.label), 'otherwise', '', '']);
    expect(got).toEqual(rows);
  });
});
