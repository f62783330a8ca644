// Labels and metadata: every declaration has a label with zh-Hans, zh-Hant and en text (warnings), the header
// has a known status, a version, a calendar date and a valid id.
// In: a model (and its AST). Out: A801–A808 diagnostics.

import { LANGS, RULESET_STATUSES, type Name, type Span, type Text } from '../../dsl/ast';
import { diag, type Diagnostic } from '../../dsl/diagnostics';
import type { Model } from '../model/model';

const LABEL = { keyword: 'label', what: 'label', 'what@zh-Hans': '标签', 'what@zh-Hant': '標籤' };
const TITLE = { keyword: 'title', what: 'title', 'what@zh-Hans': '标题', 'what@zh-Hant': '標題' };

function text(out: Diagnostic[], name: string, at: Span, t: Text | undefined, what: typeof LABEL): void {
  if (!t) {
    out.push(diag('A802', at, { name, ...what }));
    return;
  }
  for (const lang of LANGS) {
    const entry = t.entries.find((e) => e.lang === lang);
    if (!entry) out.push(diag('A801', t.span.end > t.span.start ? t.span : at, { name, lang, ...what }));
    else if (entry.value.value.trim() === '') out.push(diag('A803', entry.span, { name, lang }));
  }
}

/** True for a real calendar date `YYYY-MM-DD`. */
export function isCalendarDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mo - 1] ?? 0;
  return d <= days;
}

export function checkLabels(m: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ast = m.ast;
  const h = ast.header;
  const label = (n: Name, t: Text | undefined): void => text(out, n.name, n.span, t, LABEL);

  text(out, ast.id.value, ast.id.span, h.title, TITLE);
  for (const x of m.methods) label(x.decl.id, x.decl.label);
  for (const x of m.inputs) label(x.decl.id, x.decl.label);
  for (const x of m.derived) label(x.decl.id, x.decl.label);
  if (m.totalFormula) text(out, 'total', m.totalFormula.decl.span, m.totalFormula.decl.label, LABEL);
  for (const d of m.dimensions) {
    label(d.decl.id, d.decl.label);
    for (const i of d.indicators) {
      const ind = m.indicatorsById.get(i);
      if (ind) label(ind.decl.id, ind.decl.label);
    }
  }
  for (const x of m.prerequisites) label(x.decl.id, x.decl.label);
  for (const x of m.vetoes) label(x.decl.id, x.decl.label);
  for (const x of m.levels) label(x.decl.id, x.decl.label);
  if (m.fallback) label(m.fallback.decl.id, m.fallback.decl.label);

  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(ast.id.value)) out.push(diag('A807', ast.id.span, { id: ast.id.value }));
  if (!h.version || h.version.value.trim() === '') out.push(diag('A805', h.version?.span ?? ast.id.span));
  const status = h.status?.value;
  if (h.status && !(RULESET_STATUSES as readonly string[]).includes(h.status.value)) {
    out.push(diag('A804', h.status.span, { status: h.status.value }));
  }
  if (h.date && !isCalendarDate(h.date.text)) out.push(diag('A806', h.date.span, { date: h.date.text }));
  if (!h.date && (status === 'published' || status === 'superseded')) out.push(diag('A808', ast.id.span, { status }));
  return out;
}
