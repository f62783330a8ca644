// Valid DSL snippets covering every construct of dsl/README.md; shared by the parser and printer tests.
// In: nothing. Out: `SNIPPETS`, name → source text (each a whole file that parses without diagnostics).

import { HEADER } from './helpers';

export const SNIPPETS: Readonly<Record<string, string>> = {
  header: `# file comment
ruleset "csp-assessment" {
  version "0.9"
  status "for-comment"          # draft | for-comment | published | superseded
  date 2026-01-13
  title {
    zh-Hans "算力服务平台能力评估"
    zh-Hant "算力服務平台能力評估"
    en "Computing-power service platform capability assessment"
  }
  total 100                     # optional
}
`,
  methodsAndInputs: `${HEADER}
method DR {
  label { zh-Hans "文档审查"  zh-Hant "文件審查"  en "Document review" }
}
method IV {}

input months_in_operation: integer >= 0 {
  label { zh-Hans "连续运营月数"  zh-Hant "連續營運月數"  en "Months in operation" }
  unit "months"
}
input mainland_ops: boolean {
  note "false for Hong Kong / Macao operators"
  label { zh-Hans "境内运营"  zh-Hant "境內營運"  en "Operated from mainland China" }
}
input share_x: percent
input ratio: number > 0
input small: number < 1
input days: integer 0 to 7
input temp: number -5 to 40.5
input mlps_level: enum { none, L2, L3, L4, intl_equiv }
input adaptation: object { frameworks: integer >= 0, architectures: integer >= 0, kind: enum { a, b } }
`,
  dimension: `${HEADER}
dimension A {
  label { zh-Hans "算力资源供给能力"  zh-Hant "算力資源供給能力"  en "Compute supply" }
  weight 14

  indicator total_compute_scale {
    label { zh-Hans "算力规模"  zh-Hant "算力規模"  en "Total available compute" }
    weight 4
    type number >= 0
    unit "PFLOPS (FP16 dense, measured-available)"
    higher is better
    methods DR, OS, TT
    basis "voucher floors of 2,500–5,000 P; 1 EFLOPS and 200 P city centres"
    bands {
      >= 1000: 100
      >= 300: 80
      >= 100: 60
      >= 20: 40
      else: 20
    }
  }
  indicator pue {
    formula min(100, value * 2)
    applies when offers_fp64
    formerly compute_redundancy, old_pue
    methods TT "on ≥ 5% of nodes (at least 16)", OS, DR
    lower is better
    type number
    weight 2
  }
}
`,
  bands: `${HEADER}
dimension B {
  indicator pue {
    bands {
      <= 1.15: 100
      <= 1.20: 90
      > 1.50: 0          # >, <, >=, <=, = and != all work
      < 1.6: 5
      = 2: 1
      != 3: 2
      ≥ 4: 3
      else: 0
    }
  }
  indicator adaptation {
    type object { frameworks: integer >= 0, architectures: integer >= 0 }
    bands {
      frameworks >= 4 and architectures >= 3: 100
      frameworks >= 3 and architectures >= 2: 75
      frameworks >= 2: 50
      (-frameworks < 0): 1
      else: 25
    }
  }
}
`,
  map: `${HEADER}
dimension C {
  indicator mlps_level {
    type enum { none, L2, L3, L4, intl_equiv }
    map {
      L4: 100
      L3: 100
      L2: 60
      intl_equiv: 60 when not mainland_ops else 0
      none: 0
    }
  }
}
`,
  prerequisitesVetoesLevels: `${HEADER}
prerequisite P2 {
  label { zh-Hans "连续运营满6个月"  zh-Hant "連續營運滿6個月"  en "Six months in operation" }
  require months_in_operation >= 6
}

veto V1 {
  label { zh-Hans "虚标算力"  zh-Hant "虛標算力"  en "Overstated compute" }
  when declared_vs_measured_gap > 20 or metric_disclosure = misleading
}

prerequisite P4 {
  require (some veto: fired) or (every veto: decided)
  require every prerequisite: holds
}

levels cumulative {
  level L5 {
    label { zh-Hans "卓越级"  zh-Hant "卓越級"  en "Excellent" }
    require total >= 95
    require every dimension: share >= 80%
    require service_availability >= 99.99
  }
  level L4 {
    require every indicator in A: points >= 50
  }
  fallback L0 {
    label { zh-Hans "未达级"  zh-Hant "未達級"  en "Not reached" }
  }
}

levels {
  level X { require true }
}
`,
  expressions: `${HEADER}
veto E {
  when if offers_fp64 then score(A) + score(B) * 2 >= -1 else mlps_level not in {L3, L4}
}
prerequisite Q {
  require mainland_ops and not offers_fp64
  require abs(x - y) / 2 <= max(a.b, weight(A), value(pue), points(pue)) and known(z)
  require share(A) >= 50% or holds(P1) or decided(V1) or fired(V1) or false
  require framework_chip_adaptation.frameworks in {1, 2} and value = 3
}
`,
  longLabel: `${HEADER}
method DR {
  label { zh-Hans "一个很长很长很长很长很长很长很长很长的标签" zh-Hant "一個很長很長很長很長很長很長很長很長的標籤" en "A label that is long enough to be printed on several lines" }
}
`,
  comments: `# top
${HEADER}
# before the dimension
dimension A { # after the brace
  weight 1 # trailing weight
  # before the indicator
  indicator a {
    bands {
      # before a band
      >= 1: 100 # after a band
      else: 0
    }
    # at the end of the indicator
  }
} # after the dimension
# at the end
`,
  growth: `ruleset "cvss" {
  version "3.1"
  evidence required
  precision 4
}
input AV: enum { N, A, L, P } { required }
input S: enum { U, C }
derive iss: number {
  label { zh-Hans "影响子评分" zh-Hant "影響子評分" en "Impact sub-score (ISS)" }
  # the three impact metrics
  formula 1 - (1 - table C { H: 0.56, L: 0.22, N: 0 }) * (1 - table I { H: 0.56, L: 0.22, N: 0 })
              * (1 - table A { H: 0.56, L: 0.22, N: 0 })  # CVSS 3.1 section 7.1
}
derive impact: number {
  formula if S = U then 6.42 * iss else 7.52 * (iss - 0.029) - 3.25 * (iss - 0.02) ^ 15
}
derive exploitability: number {
  formula 8.22 * table AV { N: 0.85, A: 0.62, L: 0.55, P: 0.2 } * table AC { L: 0.77, H: 0.44 }
    * table (PR, S) { (N, U): 0.85, (L, U): 0.62, (H, U): 0.27, (N, C): 0.85, (L, C): 0.68, (H, C): 0.5 }
    * table UI {
        N: 0.85
        R: 0.62
      }
}
derive band: enum { low, high } { formula if iss > 0.5 then high else low }
total: number 0 to 10 {
  label { zh-Hans "基础评分" zh-Hant "基礎評分" en "Base score" }
  formula if impact <= 0 then 0
    else if S = U then ceil(round(min(impact + exploitability, 10), 5, half_up), 1)
    else ceil(round(min(1.08 * (impact + exploitability), 10), 5, half_even), 1) + floor(-iss ^ 2, -1)
}
dimension D { indicator i { weight 100 required type number formula value } }
levels {
  level critical { require total >= 9.0 }
  fallback none
}
`,
  escapes: `ruleset "a \\"quoted\\" id" {
  version "tab\\there"
}
method M {
  label { en "line\\nbreak \\\\ backslash" }
}
`,
};
