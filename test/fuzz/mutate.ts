// Mutations of ruleset text, as fast-check arbitraries: delete, duplicate or swap lines and tokens, change
// numbers, flip operators, insert hostile characters. In: a source text. Out: an arbitrary of mutated texts.

import fc from 'fast-check';

export type Mutation =
  | { kind: 'deleteLine' | 'duplicateLine'; at: number }
  | { kind: 'swapLines'; at: number; with: number }
  | { kind: 'deleteToken' | 'duplicateToken'; at: number }
  | { kind: 'swapTokens'; at: number }
  | { kind: 'number'; at: number; to: string }
  | { kind: 'operator'; at: number; to: string }
  | { kind: 'insert'; at: number; text: string };

const OPERATORS = ['>=', '<=', '>', '<', '=', '!=', 'and', 'or', 'not', '+', '-', '*', '/', ':', '{', '}', '(', ')', ','];

export const hostileChar = fc.oneof(
  fc.constantFrom('\u0000', '\u0007', '\u001b', '\r', '\t', '\u2028', '\ufeff', '\ufffd', '＞', '＝', '（', '"', '#', '\\', '%'),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.string({ unit: 'binary', maxLength: 4 }),
);

export const numberText = fc.oneof(
  fc.integer({ min: 0, max: 1000 }).map(String),
  fc.constantFrom('0', '0.0', '100', '100.0001', '99.99', '1e309', '00', '1.', '.5'),
  fc.integer({ min: 20, max: 400 }).map((n) => '9'.repeat(n)),
  fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 30 })).map(([a, b]) => `${a}.${'3'.repeat(b)}`),
);

export const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constantFrom('deleteLine' as const, 'duplicateLine' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapLines' as const), at: fc.nat(), with: fc.nat() }),
  fc.record({ kind: fc.constantFrom('deleteToken' as const, 'duplicateToken' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swapTokens' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('number' as const), at: fc.nat(), to: numberText }),
  fc.record({ kind: fc.constant('operator' as const), at: fc.nat(), to: fc.constantFrom(...OPERATORS) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: hostileChar }),
);

interface Tok {
  start: number;
  end: number;
}

function tokens(text: string, re: RegExp): Tok[] {
  const out: Tok[] = [];
  for (const m of text.matchAll(re)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

function splice(text: string, t: Tok, by: string): string {
  return text.slice(0, t.start) + by + text.slice(t.end);
}

/** Applies one mutation (positions taken modulo what exists). */
export function apply(text: string, m: Mutation): string {
  switch (m.kind) {
    case 'deleteLine':
    case 'duplicateLine':
    case 'swapLines': {
      const lines = text.split('\n');
      const i = m.at % lines.length;
      const line = lines[i] ?? '';
      if (m.kind === 'deleteLine') lines.splice(i, 1);
      else if (m.kind === 'duplicateLine') lines.splice(i, 0, line);
      else if (m.kind === 'swapLines') {
        const j = m.with % lines.length;
        lines[i] = lines[j] ?? '';
        lines[j] = line;
      }
      return lines.join('\n');
    }
    case 'deleteToken':
    case 'duplicateToken':
    case 'swapTokens': {
      const ts = tokens(text, /\S+/g);
      if (ts.length < 2) return text;
      const i = m.at % (ts.length - 1);
      const t = ts[i] as Tok;
      const word = text.slice(t.start, t.end);
      if (m.kind === 'deleteToken') return splice(text, t, '');
      if (m.kind === 'duplicateToken') return splice(text, t, `${word} ${word}`);
      const u = ts[i + 1] as Tok;
      const next = text.slice(u.start, u.end);
      return text.slice(0, t.start) + next + text.slice(t.end, u.start) + word + text.slice(u.end);
    }
    case 'number': {
      const ts = tokens(text, /\d+(?:\.\d+)?/g);
      if (ts.length === 0) return text;
      return splice(text, ts[m.at % ts.length] as Tok, m.to);
    }
    case 'operator': {
      const ts = tokens(text, /(>=|<=|!=|[<>=]|\band\b|\bor\b|\bnot\b)/g);
      if (ts.length === 0) return text;
      return splice(text, ts[m.at % ts.length] as Tok, m.to);
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
  }
}

/** One to three mutations of `text`. */
export function mutated(text: string): fc.Arbitrary<string> {
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce(apply, text));
}
