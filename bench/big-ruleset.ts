// A generated ruleset of many indicators, for the editing-latency benchmark and the plan's scale tests.
// In: the number of indicators. Out: DSL text (valid, with bands, maps, an applicability condition, vetoes,
// prerequisites and a level ladder), spread over dimensions of 50 indicators each. `compact`: one line per
// indicator and short labels (what fits 30,000 indicators in the 4 MiB a ruleset file may have).

export function generateRuleset(indicators: number, perDimension = 50, compact = false): string {
  const dims = Math.ceil(indicators / perDimension);
  // Indicator weights add up to their dimension's weight, dimension weights to `total` (checks A401, A402).
  const weightOf = (n: number): number => 1 + (n % 3);
  const dimWeights: number[] = [];
  for (let d = 0; d < dims; d++) {
    let w = 0;
    for (let n = d * perDimension; n < Math.min(indicators, (d + 1) * perDimension); n++) w += weightOf(n);
    dimWeights.push(w);
  }
  const total = dimWeights.reduce((a, b) => a + b, 0);
  const lines: string[] = [
    'ruleset "big" {',
    '  version "1"',
    '  status "draft"',
    '  date 2026-01-01',
    '  title { zh-Hans "大规则集" zh-Hant "大規則集" en "Big ruleset" }',
    `  total ${total}`,
    '}',
    'method DR { label { zh-Hans "文档审查" zh-Hant "文件審查" en "Document review" } }',
    'input flag: boolean { label { zh-Hans "标志" zh-Hant "標誌" en "Flag" } }',
  ];
  let n = 0;
  for (let d = 0; d < dims; d++) {
    lines.push(`dimension D${d} {`, `  label { zh-Hans "维度${d}" zh-Hant "維度${d}" en "Dimension ${d}" }`, `  weight ${dimWeights[d] ?? 0}`);
    for (let k = 0; k < perDimension && n < indicators; k++, n++) {
      const id = `i${n}`;
      if (compact) {
        const body =
          n % 10 === 3
            ? 'type enum{low,mid,high} methods DR map{low:20 mid:60 high:100}'
            : `type percent higher is better methods DR ${n % 25 === 7 ? 'applies when flag ' : ''}bands{>=90:100 >=50:60 else:20}`;
        lines.push(`indicator ${id}{label{zh-Hans "i" zh-Hant "i" en "i"} weight ${weightOf(n)} ${body}}`);
        continue;
      }
      lines.push(`  indicator ${id} {`, `    label { zh-Hans "指标${n}" zh-Hant "指標${n}" en "Indicator ${n}" }`, `    weight ${weightOf(n)}`);
      if (n % 10 === 3) {
        lines.push('    type enum { low, mid, high }', '    methods DR', '    map {', '      low: 20', '      mid: 60', '      high: 100', '    }');
      } else {
        lines.push('    type percent', '    higher is better', '    methods DR');
        if (n % 25 === 7) lines.push('    applies when flag');
        lines.push('    bands {', '      >= 90: 100', '      >= 75: 80', '      >= 50: 60', '      else: 20', '    }');
      }
      lines.push('  }');
    }
    lines.push('}');
  }
  lines.push(
    'prerequisite P1 {',
    '  label { zh-Hans "前提" zh-Hant "前提" en "Prerequisite" }',
    '  require known(flag)',
    '}',
    'veto V1 {',
    '  label { zh-Hans "否决" zh-Hant "否決" en "Veto" }',
    '  when i0 < 10',
    '}',
    'levels cumulative {',
    '  level L2 {',
    '    label { zh-Hans "二级" zh-Hant "二級" en "Level 2" }',
    `    require total >= ${(total * 0.8).toFixed(0)}`,
    '    require every dimension: share >= 70%',
    '  }',
    '  level L1 {',
    '    label { zh-Hans "一级" zh-Hant "一級" en "Level 1" }',
    `    require total >= ${(total * 0.5).toFixed(0)}`,
    '  }',
    '  fallback L0 {',
    '    label { zh-Hans "未达级" zh-Hant "未達級" en "Not reached" }',
    '  }',
    '}',
  );
  return lines.join('\n') + '\n';
}
