// Reading the decimal text of an evidence number exactly, within limits (YAML, JSON, NDJSON and CSV readers share it).
// In: the number's text as written. Out: its exact `Rational`, or the limit it breaks (E145 digits, E146 exponent).

import { MAX_NUMBER_DIGITS } from '../../dsl/lexer';
import { MAX_EXPONENT, Rational } from './rational';

/** A plain decimal as evidence writes it: `12`, `-0.5`, `.5`, `1.`, `1e-3`. */
export const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number's text read: its exact value, or the limit it breaks and the arguments of that message. */
export type NumberText =
  | { readonly q: Rational }
  | { readonly code: 'E145'; readonly args: { readonly limit: number; readonly digits: number } }
  | { readonly code: 'E146'; readonly args: { readonly limit: number; readonly found: string } };

/**
 * The exact value of a decimal's text, or the limit it breaks; undefined when the text is not a decimal.
 * Digits are counted before anything is converted, so a number of a million digits costs one scan.
 */
export function readDecimal(text: string): NumberText | undefined {
  let e = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 101 || c === 69) {
      e = i;
      break;
    }
  }
  let digits = 0;
  for (let i = 0; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
  }
  if (digits > MAX_NUMBER_DIGITS) return DECIMAL.test(text) ? { code: 'E145', args: { limit: MAX_NUMBER_DIGITS, digits } } : undefined;
  if (!DECIMAL.test(text)) return undefined;
  if (e < text.length && Math.abs(Number(text.slice(e + 1))) > MAX_EXPONENT) {
    return { code: 'E146', args: { limit: MAX_EXPONENT, found: text.length > 40 ? text.slice(0, 40) + '…' : text } };
  }
  const q = Rational.parse(text);
  return q === undefined ? undefined : { q };
}

/**
 * Whether `text` is the shortest decimal of its double `x` (`String(x)`, as `15` or `0.3` are): then its exact value
 * is the double's own (`Rational.fromNumber(x)`, which every reader of exact numbers falls back to), and a reader
 * records nothing beside the double — nor pays for reading the text exactly.
 */
export function isShortestText(text: string, x: number): boolean {
  return Number.isFinite(x) && String(x) === text;
}
