// Rulesets for the JsonLogic differential test that use every construct of the language, in DSL text.
// In: nothing. Out: `FEATURES` (cumulative levels) and `FEATURES_FLAT` (non-cumulative, other corners).

const HEADER = (id: string) => `ruleset "${id}" {
  version "1"
  status "draft"
  date 2026-01-01
  title { zh-Hans "特性" zh-Hant "特性" en "Features" }
  total 100
}

method DR {
  label { zh-Hans "文档审查" zh-Hant "文件審查" en "Document review" }
}
`;

/** Formulas, conditional points, applicability, maps with `else`, object members, former ids, quantifiers. */
export const FEATURES = `${HEADER('features')}
input ok: boolean
input n: integer 0 to 20
input mode: enum { a, b, c }
input x: number >= 0
input gate: boolean
input ratio: percent

dimension A {
  weight 40

  indicator i1 {
    weight 12.5
    type integer 0 to 50
    formerly old_i1
    bands {
      >= 40: 100
      >= 20: 60 when ok else 30
      > 5: n * 3
      else: 0
    }
  }

  indicator i2 {
    weight 12.5
    type enum { lo, mid, hi }
    applies when gate
    map {
      hi: 100
      mid: 50 when mode in {a, b} else 25
      else: 10
    }
  }

  indicator i3 {
    weight 5
    type integer >= 0
    applies when n > 3 and not ok
    formula min(100, value * 7 / 3)
  }

  indicator i4 {
    weight 10
    type object { p: integer 0 to 10, q: integer 0 to 10 }
    applies when mode != c or known(x)
    bands {
      p + q >= 15: 100
      p >= 5 and q >= 5: 70
      max(p, q) = 10: 50
      else: 1 / 3
    }
  }
}

dimension B {
  weight 60

  indicator j1 {
    weight 15
    type percent
    bands {
      >= 99.99: 100
      >= 99.9: 66.5
      >= 50: 33
      else: 0
    }
  }

  indicator j2 {
    weight 20
    type number >= 1
    applies when ratio >= 10
    formerly old_j2, older_j2
    bands {
      <= 1.15: 100
      <= 1.2: 90
      < 1.5: 45
    }
  }

  indicator j3 {
    weight 20
    type boolean
    bands {
      = true: 100
      else: 20
    }
  }

  indicator j4 {
    weight 5
    type integer -10 to 10
    formula if abs(value) > 5 then 100 - abs(value) * 10 else 50 + value
  }
}

prerequisite P1 {
  require known(n)
}

prerequisite P2 {
  require ok or n >= 3
}

veto V1 {
  when mode = c and x > 100
}

veto V2 {
  when points(i1) < 30 and score(A) < 10
}

veto V3 {
  when not (gate = ok)
}

prerequisite P3 {
  require (some veto: fired) or (every veto: decided)
}

levels cumulative {
  level T {
    require total >= 80
    require every dimension: share >= 75%
    require every indicator in A: points >= 50
  }

  level M {
    require total >= 50.5
    require weight(i3) > 0 or (some indicator: points = 100)
  }

  level L {
    require share(B) >= 1 / 3
    require score(A) + score(B) >= 20
  }

  fallback Z {}
}
`;

/** Non-cumulative levels without a fallback, properties inside quantifiers, `if` on truth values, `not in`. */
export const FEATURES_FLAT = `${HEADER('features-flat')}
input ok: boolean
input k: integer 0 to 9
input kind: enum { red, green, blue }

dimension A {
  weight 30

  indicator a1 {
    weight 10
    type integer 0 to 100
    formula value
  }

  indicator a2 {
    weight 20
    type enum { none, part, all }
    applies when kind not in {blue}
    map {
      none: 0
      part: 40 when k >= 5 else 5
      all: 100
    }
  }
}

dimension B {
  weight 70

  indicator b1 {
    weight 7
    type integer 0 to 3
    applies when if ok then k > 2 else k < 7
    formula value * 100 / 3
  }

  indicator b2 {
    weight 14
    type integer 0 to 50
    bands {
      >= 45.5: 100
      > 20: value * 2
      else: value
    }
  }

  indicator b3 {
    weight 49
    type boolean
    applies when kind = red or kind = green
    bands {
      = ok: 100
      else: 0
    }
  }
}

veto V1 {
  when some indicator in B: points = 0 and weight > 10
}

prerequisite P1 {
  require every dimension: score > weight / 10 or not ok
}

levels {
  level H {
    require total >= 75
    require every indicator: value(a1) >= 50 or points >= 80
  }

  level G {
    require total > 2 * score(A) - 10
    require max(points(a1), points(b2)) >= 33.33
  }
}
`;
