// An analysis sent again after an edit, as what changed (#16: 2,000 indicators' symbols, explanation lines, indicator
// rows and evidence schema made every answer megabytes long). The worker (`AnalysisSender`) and the page (`AnalysisReceiver`) both keep
// what was sent last; an unchanged schema is not sent, and a long list after an edit that moved the text after `from`
// by `delta` is sent as the items that differ from the old ones with their spans moved. In: analyses and their texts.
// Out: slimmer analyses, and on the page the analyses as computed.

import { editBetween, moveSpans, sameAfterMove } from '../../dsl/index';
import type { Analysis, ExplainLine, IndicatorRow, SymbolInfo } from './protocol';

export interface ListDelta<T> {
  readonly length: number;
  /** Spans starting at or after `from` (in the previous text) moved by `delta`. */
  readonly from: number;
  readonly delta: number;
  /** Items (by index) that differ from the previous list's item with its spans moved. */
  readonly changed: readonly (readonly [number, T])[];
}

/** The delta from `prev` to `next`, or undefined when most items changed (sending the list is then as short). */
export function listDelta<T>(prev: readonly T[], next: readonly T[], from: number, delta: number): ListDelta<T> | undefined {
  const changed: (readonly [number, T])[] = [];
  for (let i = 0; i < next.length; i++) {
    const item = next[i] as T;
    if (i >= prev.length || !sameAfterMove(prev[i], item, delta, from)) {
      changed.push([i, item]);
      if (changed.length * 2 > next.length) return undefined;
    }
  }
  return { length: next.length, from, delta, changed };
}

/** The list `listDelta(prev, next, …)` was made from: equal to `next`. */
export function applyListDelta<T>(prev: readonly T[], d: ListDelta<T>): T[] {
  const out: T[] = [];
  for (let i = 0; i < d.length; i++) out.push(moveSpans(prev[i] as T, d.delta, d.from));
  for (const [i, item] of d.changed) out[i] = item;
  return out;
}

/** The worker's side: what it sent last, and `slim` to leave out what the page already has. */
export class AnalysisSender {
  private schemaSent: string | undefined;
  private sent: { text: string; symbols: readonly SymbolInfo[]; explanation: readonly ExplainLine[] | undefined } | undefined;
  /** Each platform's indicator rows last sent (a large ruleset sends them for the selected platform only). */
  private readonly rows = new Map<string, readonly IndicatorRow[]>();

  /** `a` (of `text`) without what the receiver already has. */
  slim(a: Analysis, text: string): Analysis {
    let out = a;
    if (a.schema !== undefined) {
      const json = JSON.stringify(a.schema);
      if (json === this.schemaSent) {
        const { schema: _same, ...rest } = out;
        out = { ...rest, schemaSame: true };
      } else this.schemaSent = json;
    }
    const prev = this.sent;
    const rowsBefore = new Map(this.rows);
    this.sent = { text, symbols: a.symbols, explanation: a.explanation ?? prev?.explanation };
    for (const r of a.results ?? []) if (r.indicators.length > 0) this.rows.set(r.key, r.indicators);
    if (prev === undefined) return out;
    const edit = editBetween(prev.text, text);
    const delta = edit.endB - edit.endA;
    if (a.results !== undefined) {
      const results = a.results.map((r) => {
        const before = rowsBefore.get(r.key);
        const d = before !== undefined && r.indicators.length > 0 ? listDelta(before, r.indicators, edit.endA, delta) : undefined;
        return d === undefined ? r : { ...r, indicators: [], indicatorsDelta: d };
      });
      out = { ...out, results };
    }
    const symbols = listDelta(prev.symbols, a.symbols, edit.endA, delta);
    if (symbols !== undefined) out = { ...out, symbols: [], symbolsDelta: symbols };
    if (a.explanation !== undefined && prev.explanation !== undefined) {
      const explanation = listDelta(prev.explanation, a.explanation, edit.endA, delta);
      if (explanation !== undefined) {
        const { explanation: _lines, ...rest } = out;
        out = { ...rest, explanationDelta: explanation };
      }
    }
    return out;
  }
}

/** The page's side: what the worker sent last, and `restore` to put back what it left out. */
export class AnalysisReceiver {
  private kept: { schema?: unknown; symbols?: readonly SymbolInfo[] | undefined; explanation?: readonly ExplainLine[] | undefined } = {};
  private readonly rows = new Map<string, readonly IndicatorRow[]>();

  /** The analysis as computed. Every answer of the worker must pass here, in order (also those not shown). */
  restore(a: Analysis): Analysis {
    const { schemaSame, symbolsDelta, explanationDelta, ...rest } = a;
    const k = this.kept;
    const symbols = symbolsDelta !== undefined ? applyListDelta(k.symbols ?? [], symbolsDelta) : a.symbols;
    const explanation = explanationDelta !== undefined ? applyListDelta(k.explanation ?? [], explanationDelta) : a.explanation;
    const schema = schemaSame === true ? k.schema : a.schema;
    this.kept = { schema: schema ?? k.schema, symbols, explanation: explanation ?? k.explanation };
    const results = a.results?.map((r) => {
      const { indicatorsDelta, ...row } = r;
      const indicators = indicatorsDelta !== undefined ? applyListDelta(this.rows.get(r.key) ?? [], indicatorsDelta) : r.indicators;
      if (indicators.length > 0) this.rows.set(r.key, indicators);
      return indicatorsDelta !== undefined ? { ...row, indicators } : r;
    });
    return {
      ...rest,
      symbols,
      ...(results !== undefined ? { results } : {}),
      ...(explanation !== undefined ? { explanation } : {}),
      ...(schema !== undefined ? { schema } : {}),
    };
  }
}
