// One analysis pass: compile the editor text, evaluate every loaded platform, explain the selected one.
// In: an `analyze` request. Out: an `Analysis` (diagnostics rendered in the page's language, symbols,
// results as plain numbers); never throws for bad input.

import { type IndicatorDecl, type Lang, type Ruleset as RulesetAst, renderHelp, renderMessage, type Diagnostic } from '../../../dsl/index';
import { toResultJson, tracedAssessment, type Assessment, type ResultJson, type ValueJson } from '../../../engine/index';
import type {
  Analysis,
  DiagOut,
  DimensionRow,
  ExplainLine,
  IndicatorRow,
  LabelEntry,
  PlatformInput,
  PlatformResult,
  QuickFix,
} from '../protocol';
import { compile, schemaOf, type CompiledRuleset } from './engine-bridge';
import { compileLive, keptAssessments } from './live';
import { explainFor } from './features';
import { bandOf, collectSymbols, indicatorsOf, levelOrder } from './symbols';

const SUGGESTION_ARGS = ['suggestion', 'didYouMean', 'closest', 'candidate', 'replacement'] as const;

function renderSafe(d: { code: string; args?: Readonly<Record<string, string | number>> }, lang: Lang): string {
  try {
    return renderMessage(d as Parameters<typeof renderMessage>[0], lang);
  } catch {
    return d.code;
  }
}

export function toDiagOut(d: Diagnostic, text: string, lang: Lang): DiagOut {
  const help = (() => {
    try {
      return renderHelp(d, lang);
    } catch {
      return undefined;
    }
  })();
  const fixes: QuickFix[] = [];
  const suggestions: string[] = [];
  for (const key of SUGGESTION_ARGS) if (Object.hasOwn(d.args, key)) suggestions.push(String(d.args[key]));
  // "did you mean `x`? declared here" notes (A902) carry the suggestion as `name`.
  for (const r of d.related ?? []) {
    if (r.code === 'A902' && r.args && Object.hasOwn(r.args, 'name')) suggestions.push(String(r.args['name']));
  }
  for (const raw of suggestions) {
    // A suggestion may list several candidates ("`pue`, `pee`"); offer each.
    for (const cand of raw.split(/[,，、]\s*|\s+or\s+/)) {
      const word = cand.replace(/[`'"]/g, '').trim();
      if (/^[A-Za-z_][\w.-]*$/.test(word) && text.slice(d.span.start, d.span.end) !== word && !fixes.some((f) => f.text === word)) {
        fixes.push({ title: word, span: { start: d.span.start, end: d.span.end }, text: word });
      }
    }
  }
  return {
    code: d.code,
    severity: d.severity,
    message: renderSafe(d, lang),
    ...(help !== undefined ? { help } : {}),
    span: { start: d.span.start, end: Math.max(d.span.end, d.span.start) },
    related: (d.related ?? []).map((r) => ({ message: renderSafe({ code: r.code, ...(r.args ? { args: r.args } : {}) }, lang), span: r.span })),
    fixes,
  };
}

function valueText(v: ValueJson | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (typeof v === 'object') {
    return Object.entries(v)
      .map(([k, x]) => `${k}: ${valueText(x) ?? ''}`)
      .join(', ');
  }
  return String(v);
}

interface Labels {
  readonly dims: Map<string, readonly LabelEntry[]>;
  readonly inds: Map<string, readonly LabelEntry[]>;
  readonly levels: Map<string, readonly LabelEntry[]>;
  /** Indicator declarations by id (where a matched band's text is). */
  readonly decls: Map<string, IndicatorDecl>;
}

function labelsOf(ast: RulesetAst): Labels {
  const toEntries = (t: { entries: readonly { lang: Lang; value: { value: string } }[] } | undefined): readonly LabelEntry[] =>
    t ? t.entries.map((x) => ({ lang: x.lang, value: x.value.value })) : [];
  const dims = new Map<string, readonly LabelEntry[]>();
  const inds = new Map<string, readonly LabelEntry[]>();
  const levels = new Map<string, readonly LabelEntry[]>();
  for (const item of ast.items) {
    if (item.kind === 'Dimension') {
      dims.set(item.id.name, toEntries(item.label));
      for (const i of item.indicators) inds.set(i.id.name, toEntries(i.label));
    } else if (item.kind === 'Levels') {
      for (const l of item.levels) levels.set(l.id.name, toEntries(l.label));
      if (item.fallback) levels.set(item.fallback.id.name, toEntries(item.fallback.label));
    }
  }
  return { dims, inds, levels, decls: indicatorsOf(ast) };
}

/** Plain-number view of one platform's result; band texts come from the AST via `matched`. */
export function toPlatformResult(
  p: PlatformInput,
  r: ResultJson,
  a: Assessment,
  ast: RulesetAst,
  text: string,
  labels: Labels,
  detail = true,
): PlatformResult {
  const json = new Map(Object.entries(r.indicators));
  const indicators: IndicatorRow[] = !detail ? [] : a.indicators.map((ex) => {
    const id = ex.id;
    const ind = json.get(id);
    const band = ex.matched !== undefined ? bandOf(labels.decls.get(id), text, ex.matched) : undefined;
    const v = valueText(ind?.value);
    const label = labels.inds.get(id);
    return {
      id,
      dimension: ex.dimension,
      ...(label ? { label } : {}),
      status: ex.status,
      ...(v !== undefined ? { value: v } : {}),
      ...(band ? { band: band.text, bandSpan: band.span } : {}),
      points: ind?.points ?? null,
      weight: ind?.weight ?? ex.effectiveWeight.toJSONNumber(),
      contribution: ex.contribution.toJSONNumber(),
    };
  });
  const dimensions: DimensionRow[] = Object.entries(r.dimensions).map(([id, d]) => {
    const label = labels.dims.get(id);
    return { id, ...(label ? { label } : {}), score: d.score, weight: d.weight, share: d.share };
  });
  const levelLabel = r.level !== null ? labels.levels.get(r.level) : undefined;
  return {
    key: p.key,
    platform: r.platform,
    ...(r.name !== undefined ? { name: r.name } : {}),
    outcome: r.outcome,
    level: r.level,
    ...(levelLabel ? { levelLabel } : {}),
    total: r.total,
    dimensions,
    indicators,
    ...(detail ? {} : { indicatorsOmitted: true }),
    vetoes: r.vetoes,
    prerequisitesFailed: r.prerequisitesFailed,
    errors: r.errors.map((e) => ({ field: e.field, message: e.message })),
    warnings: r.warnings.map((e) => ({ field: e.field, message: e.message })),
  };
}

/** Above this many indicators, indicator rows are sent for the selected platform only. */
export const DETAIL_ALL_MAX = 300;

function docOf(p: PlatformInput): { platform: string; name?: string; evidence: Readonly<Record<string, unknown>> } {
  return { platform: p.platform, ...(p.name !== undefined ? { name: p.name } : {}), evidence: p.evidence };
}

/**
 * Every platform's result. `meaning`: the number of the ruleset's meaning (live.ts), when the editor's text is
 * analysed: the assessments of the last analysis are kept when it is the same.
 */
export function evaluateAll(
  ruleset: CompiledRuleset,
  platforms: readonly PlatformInput[],
  ast: RulesetAst,
  text: string,
  lang: Lang,
  selected?: string,
  meaning?: number,
): PlatformResult[] {
  const labels = labelsOf(ast);
  const assessed = keptAssessments().begin(meaning, lang);
  // Over DETAIL_ALL_MAX indicators only the selected platform's indicator rows are sent: the page draws no others, and
  // thousands of rows per platform made the message megabytes long (#16).
  const detailAll = labels.decls.size <= DETAIL_ALL_MAX;
  return platforms.map((p) => {
    const doc = docOf(p);
    try {
      // One exact assessment; its JSON view is what the CLI prints (`evaluate` = toResultJson ∘ assess).
      const { a, r } = assessed(doc, () => {
        const a: Assessment = ruleset.assess(doc, { lang });
        return { a, r: toResultJson(a) };
      });
      return toPlatformResult(p, r, a, ast, text, labels, detailAll || p.key === selected);
    } catch (e) {
      return {
        key: p.key,
        platform: p.platform,
        ...(p.name !== undefined ? { name: p.name } : {}),
        outcome: 'invalid',
        level: null,
        total: 0,
        dimensions: [],
        indicators: [],
        vetoes: [],
        prerequisitesFailed: [],
        errors: [{ field: '', message: e instanceof Error ? e.message : String(e) }],
        warnings: [],
      } satisfies PlatformResult;
    }
  });
}

export function analyze(
  seq: number,
  text: string,
  lang: Lang,
  platforms: readonly PlatformInput[],
  selected: string | undefined,
  staleText?: string,
  staleOf?: string,
): Analysis {
  const t0 = performance.now();
  // The editor's text goes through the worker's memory (one item reparsed, or nothing when only the platform changed).
  const live = staleOf === undefined ? compileLive(text, 'playground.assay') : undefined;
  const c = live?.result ?? compile(text, 'playground.assay');
  const diagnostics = c.diagnostics.map((d) => toDiagOut(d, text, lang));
  const ast = c.ast;
  const symbols = collectSymbols(ast, text);
  if (!c.ruleset) {
    // The stale results the page keeps showing, redone in the language now asked for.
    const stale = staleText !== undefined && staleText !== text ? analyze(seq, staleText, lang, platforms, selected, undefined, text) : undefined;
    return { seq, diagnostics, symbols, ok: false, ...(stale?.ok === true ? { staleResults: stale } : {}), ...(live ? { parsed: live.how } : {}), ms: performance.now() - t0 };
  }
  const ruleset = c.ruleset;
  const results = evaluateAll(ruleset, platforms, ast, text, lang, selected, live?.meaning);
  const chosen = platforms.find((p) => p.key === selected);
  // The traced assessment kept across an edit that changed no meaning, its spans moved with the text (kept.ts).
  const explained = (doc: ReturnType<typeof docOf>): readonly ExplainLine[] =>
    explainFor(ruleset, doc, ast, lang, keptAssessments().explained(live?.meaning, lang, doc, text, () => tracedAssessment(ruleset, doc, { lang })));
  const explanation: readonly ExplainLine[] | undefined = chosen ? explained(docOf(chosen)) : undefined;
  let schema: unknown;
  try {
    schema = schemaOf(ruleset);
  } catch {
    schema = undefined;
  }
  const h = ast.header;
  return {
    seq,
    diagnostics,
    symbols,
    ok: true,
    ...(h.title ? { title: h.title.entries.map((x) => ({ lang: x.lang, value: x.value.value })) } : {}),
    identity: { id: ast.id.value, version: h.version?.value ?? '', status: h.status?.value ?? '' },
    levelOrder: levelOrder(ast),
    results,
    ...(explanation !== undefined && chosen ? { explanation, explained: chosen.key } : {}),
    ...(schema !== undefined ? { schema } : {}),
    ...(live ? { parsed: live.how, kept: keptAssessments().kept } : {}),
    ms: performance.now() - t0,
  };
}
