// Lookup tables: keys of enum type, entry keys that are values of them (with "did you mean"), no entry twice, every
// value (pair) covered or an `else`, no `else` when everything is covered, entry values all of one kind.
// In: a model. Out: A320–A325 diagnostics (entries with the wrong number of values are syntax: A119).

import type { Name, Span, TableEntry, TableExpr } from '../../dsl/ast';
import { diag, type Diagnostic } from '../../dsl/diagnostics';
import type { Model } from '../model/model';
import { describeType, type EnumValueType } from '../model/value-type';
import { suggest } from '../support/suggest';
import { shown, sites, walk } from './walk';

/** How many uncovered values (pairs) one A323 names before "…". */
const SHOWN_MISSING = 8;

export function checkTables(m: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const s of sites(m)) {
    walk(s.expr, s.role, (e) => {
      if (e.kind === 'Table') table(m, e, out);
    });
  }
  return out;
}

function table(m: Model, e: TableExpr, out: Diagnostic[]): void {
  // The enum type of each key (undefined when it is no enum: reported, and coverage is not checked).
  const keyTypes: (EnumValueType | undefined)[] = e.keys.map((k) => {
    const t = m.resolution.types.get(k);
    if (t === undefined || t.kind === 'unknown') return undefined; // an unknown name: A201 already
    if (t.kind === 'enum') return t;
    out.push(diag('A320', k.span, { name: shown(k), type: describeType(t) }));
    return undefined;
  });
  const keyText = (i: number): string => shown(e.keys[i] ?? e);
  const seen = new Map<string, Span>();
  let elseEntry: TableEntry | undefined;
  for (const en of e.entries) {
    if (!Array.isArray(en.key)) {
      elseEntry ??= en;
      continue;
    }
    const names = en.key as readonly Name[];
    const text = entryText(names.map((n) => n.name));
    if (names.length !== e.keys.length) continue; // A119, a syntax error
    let valid = true;
    for (const [i, n] of names.entries()) {
      const t = keyTypes[i];
      if (!t || t.values.includes(n.name)) continue;
      valid = false;
      const s = suggest(n.name, t.values);
      out.push(
        diag('A321', n.span, { value: n.name, key: keyText(i), values: t.values.join(', ') }, {
          related: s !== undefined ? [{ span: n.span, code: 'A903', args: { name: s } }] : [],
        }),
      );
    }
    if (!valid) continue;
    const first = seen.get(text);
    if (first) out.push(diag('A322', en.span, { entry: text }, { related: [{ span: first, code: 'A901' }] }));
    else seen.set(text, en.span);
  }
  if (keyTypes.every((t) => t !== undefined)) coverage(keyTypes as EnumValueType[], seen, elseEntry, e, out);
  entryKinds(m, e, out);
}

/** `N` for one key, `(H, C)` for two. */
function entryText(values: readonly string[]): string {
  return values.length === 1 ? (values[0] ?? '') : `(${values.join(', ')})`;
}

/** Every combination of the keys' values, in declaration order (the first key varies slowest). */
function combinations(types: readonly EnumValueType[]): string[][] {
  let out: string[][] = [[]];
  for (const t of types) out = out.flatMap((prefix) => t.values.map((v) => [...prefix, v]));
  return out;
}

function coverage(types: readonly EnumValueType[], seen: ReadonlyMap<string, Span>, elseEntry: TableEntry | undefined, e: TableExpr, out: Diagnostic[]): void {
  const missing = combinations(types)
    .map(entryText)
    .filter((t) => !seen.has(t));
  if (missing.length > 0 && !elseEntry) {
    const listed = missing.slice(0, SHOWN_MISSING).map((t) => `\`${t}\``);
    const more = missing.length > SHOWN_MISSING ? ` … (${missing.length})` : '';
    out.push(diag('A323', e.span, { missing: listed.join(', ') + more }));
  } else if (missing.length === 0 && elseEntry) {
    out.push(diag('A324', elseEntry.span, {}, { severity: 'warning' }));
  }
}

/** Entry values must all be numbers, all conditions, or all values of one enum. */
function entryKinds(m: Model, e: TableExpr, out: Diagnostic[]): void {
  let first: { text: string; kind: string; type: string } | undefined;
  for (const en of e.entries) {
    const t = m.resolution.types.get(en.value);
    if (t === undefined || t.kind === 'unknown') continue;
    const kind = t.kind === 'enum' ? describeType(t) : t.kind;
    const here = { text: shown(en.value), kind, type: describeType(t) };
    if (!first) first = here;
    else if (first.kind !== here.kind) {
      out.push(diag('A325', en.value.span, { first: first.text, ftype: first.type, other: here.text, otype: here.type }));
      return;
    }
  }
}
