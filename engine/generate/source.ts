// Writing generated JavaScript safely. In: strings and numbers from a checked model. Out: source text of literals
// that mean exactly that data, and synthetic identifiers. No ruleset text is ever written into generated code but
// through `str` (a string literal) or `num` (a number literal); identifiers are made here, never from names.

/**
 * A string literal meaning exactly `s`: JSON.stringify escapes quotes, backslashes, control characters and lone
 * surrogates; U+2028 and U+2029 are escaped too, so the text reads the same as a script in any engine.
 */
export function str(s: string): string {
  return JSON.stringify(s).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** A number literal meaning exactly the double `x` (finite; −0 kept; infinities by name). */
export function num(x: number): string {
  if (Number.isNaN(x)) throw new Error('NaN has no literal');
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (Object.is(x, -0)) return '-0';
  // String(x) is the shortest text that reads back as x; parenthesised when negative (`a - -1`).
  return x < 0 ? `(${String(x)})` : String(x);
}

/** Synthetic identifiers: a prefix and a counter, never a ruleset name. */
export class Names {
  private n = 0;
  next(prefix: 'f' | 'm' | 's' | 'y' | 'c' | 'p' | 'a' | 'q' | 'd' | 'k' | 'b'): string {
    return `${prefix}${this.n++}`;
  }
}

/** Thrown while generating when the model uses something the generator does not cover (the plan decides it). */
export class NotCovered extends Error {
  constructor(readonly why: string) {
    super(why);
  }
}
