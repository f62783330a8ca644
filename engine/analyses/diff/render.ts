// Rendering a semantic diff as text, Markdown or JSON, in zh-Hans, zh-Hant or en.
// In: a `Diff` and options. Out: a string; `entrySummary` gives one line per entry (used by impact reports).
// Ids, values and conditions are printed as written in the ruleset; only the words around them are translated.

import type { Lang } from '../../../dsl/ast';
import type { Diff, DiffEntry, DiffValue, Labels } from './entries';
import { toDiffJson } from './entries';
import { escapeMarkdown as md, markdownCodeBlock } from '../../report/escape';
import { kindTitle, phrase, type Phrase } from './words';

export type DiffFormat = 'text' | 'md' | 'json';

/** `: ` in English, `：` in Chinese, after a translated word. */
function colon(lang: Lang): string {
  return lang === 'en' ? ': ' : '：';
}

function pickLabel(l: Labels | undefined, lang: Lang): string | undefined {
  if (!l) return undefined;
  return l[lang] ?? l.en ?? l['zh-Hans'] ?? l['zh-Hant'];
}

function quoted(text: string | undefined, lang: Lang): string {
  if (text === undefined || text === '') return '';
  return lang === 'en' ? ` “${text}”` : `「${text}」`;
}

/** `pue “Power usage effectiveness (annual)”` */
function named(id: string, l: Labels | undefined, lang: Lang): string {
  return `${id}${quoted(pickLabel(l, lang), lang)}`;
}

function isLabels(v: DiffValue): v is Labels {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys.every((k) => k === 'en' || k === 'zh-Hans' || k === 'zh-Hant');
}

/** A value on one line. */
export function valueText(v: DiffValue, lang: Lang): string {
  if (v === null) return phrase(lang, 'none');
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map((x: DiffValue) => valueText(x, lang)).join('; ');
  if (isLabels(v)) return pickLabel(v, lang) ?? '';
  return Object.entries(v)
    .map(([k, x]) => `${k}: ${valueText(x, lang)}`)
    .join(', ');
}

/** `before → after` on one line, or two lines `- before` / `+ after` when long. */
function change(before: DiffValue, after: DiffValue, lang: Lang, indent: string): string[] {
  const b = valueText(before, lang);
  const a = valueText(after, lang);
  if (b.length + a.length <= 90) return [`${indent}${b} → ${a}`];
  return [`${indent}- ${b}`, `${indent}+ ${a}`];
}

/** Conditions removed (`-`) and added (`+`); when both sides list as many, each old one is followed by its new one. */
function requiresLines(before: DiffValue, after: DiffValue, indent: string): string[] {
  const list = (v: DiffValue): string[] =>
    (Array.isArray(v) ? v : v === null ? [] : [v]).map((x: DiffValue) => (typeof x === 'string' ? x : JSON.stringify(x)));
  const b = list(before);
  const a = list(after);
  if (b.length === a.length) return b.flatMap((x, i) => [`${indent}- ${x}`, `${indent}+ ${a[i] ?? ''}`]);
  return [...b.map((x) => `${indent}- ${x}`), ...a.map((x) => `${indent}+ ${x}`)];
}

const SUMMARY_WORDS: ReadonlySet<string> = new Set(['weight', 'type', 'unit', 'direction', 'methods', 'basis', 'applies', 'formerly', 'scoring', 'indicators', 'label', 'note']);

function summaryLines(v: DiffValue, lang: Lang, indent: string): string[] {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return v === null ? [] : [`${indent}${valueText(v, lang)}`];
  const out: string[] = [];
  for (const [k, x] of Object.entries(v)) {
    if (k === 'after' || x === null) continue;
    const word =
      SUMMARY_WORDS.has(k) ? phrase(lang, k as Phrase)
        : k;
    const text = k === 'direction' ? phrase(lang, x === 'lower' ? 'lower' : 'higher') : valueText(x, lang);
    out.push(`${indent}${word}${colon(lang)}${text}`);
  }
  return out;
}

/** The headline of an entry: kind and what it concerns. */
export function entrySummary(e: DiffEntry, lang: Lang): string {
  const title = kindTitle(lang, e.kind) + colon(lang);
  const dim = e.dimension !== undefined ? ` (${e.dimension})` : '';
  switch (e.kind) {
    case 'dimension-weights':
      return `${title}${(e.parts ?? []).map((p) => `${p.target} ${valueText(p.before, lang)} → ${valueText(p.after, lang)}`).join(', ')}`;
    case 'indicator-renamed': {
      const b = e.before as { id: string; label: Labels };
      const a = e.after as { id: string; label: Labels };
      return `${title}${named(b.id, b.label, lang)} → ${named(a.id, a.label, lang)}${dim}`;
    }
    case 'indicator-moved':
      return `${title}${named(e.target, e.label, lang)} ${valueText(e.before, lang)} → ${valueText(e.after, lang)}`;
    case 'weight-changed':
    case 'dimension-weight':
    case 'total-changed':
    case 'precision-changed':
    case 'evidence-required-changed':
    case 'required-changed':
      return `${title}${named(e.target, e.label, lang)}${dim} ${valueText(e.before, lang)} → ${valueText(e.after, lang)}`;
    case 'vetoes-added':
    case 'vetoes-removed':
    case 'levels-changed':
      return `${title}${e.targets.join(', ')}`;
    default:
      return `${title}${named(e.target, e.label, lang)}${dim}`;
  }
}

/** Detail lines under an entry's headline. */
export function entryDetails(e: DiffEntry, lang: Lang, indent = '     '): string[] {
  switch (e.kind) {
    case 'dimension-weights':
    case 'weight-changed':
    case 'dimension-weight':
    case 'total-changed':
    case 'precision-changed':
    case 'evidence-required-changed':
    case 'required-changed':
    case 'indicator-moved':
      return [];
    case 'indicator-renamed':
      return [`${indent}${phrase(lang, 'formerlyAccepted')}`];
    case 'indicator-added': {
      const after = (e.after as Record<string, DiffValue> | null)?.['after'];
      const place = typeof after === 'string' ? phrase(lang, 'after', { id: after }) : phrase(lang, 'first');
      return [`${indent}${phrase(lang, 'inDimension', { dim: e.dimension ?? '' })}, ${place}`, ...summaryLines(e.after, lang, indent)];
    }
    case 'indicator-removed':
    case 'dimension-removed':
    case 'input-removed':
    case 'derived-removed':
    case 'total-formula-removed':
    case 'method-removed':
      return summaryLines(e.before, lang, indent);
    case 'dimension-added':
    case 'input-added':
    case 'derived-added':
    case 'total-formula-added':
    case 'method-added':
      return summaryLines(e.after, lang, indent);
    case 'band-edge-moved':
    case 'band-added':
    case 'band-removed':
    case 'band-points-changed':
    case 'bands-changed':
      return [
        ...change(e.before, e.after, lang, indent),
        ...(e.region ?? []).map((r) => {
          const where = r.text.startsWith('[') || r.text.startsWith('(') ? `${e.target} in ${r.text}` : `${e.target} ${r.text}`;
          return `${indent}${where}: ${r.before ?? phrase(lang, 'none')} → ${r.after ?? phrase(lang, 'none')}`;
        }),
      ];
    case 'mapping-changed': {
      const b = (e.before ?? {}) as Record<string, DiffValue>;
      const a = (e.after ?? {}) as Record<string, DiffValue>;
      return Object.keys(b).map((k) => `${indent}${k}: ${valueText(b[k] ?? null, lang)} → ${valueText(a[k] ?? null, lang)}`);
    }
    case 'input-changed':
    case 'derived-changed':
    case 'total-formula-changed':
    case 'method-changed': {
      const b = (e.before ?? {}) as Record<string, DiffValue>;
      const a = (e.after ?? {}) as Record<string, DiffValue>;
      return Object.keys(b).flatMap((k) => change(b[k] ?? null, a[k] ?? null, lang, `${indent}${k}: `));
    }
    case 'veto-changed':
      return (e.parts ?? []).flatMap((p) => {
        if (p.kind === 'veto-condition') return [`${indent}${kindTitle(lang, 'veto-condition')}${colon(lang).trimEnd()}`, ...requiresLines(p.before, p.after, `${indent}  `)];
        if (p.kind === 'methods-changed') {
          return [`${indent}${phrase(lang, 'methodsOf', { id: p.target })}${colon(lang).trimEnd()}`, ...requiresLines(p.before, p.after, `${indent}  `)];
        }
        return [`${indent}${kindTitle(lang, p.kind)} ${p.target}${colon(lang).trimEnd()}`, ...change(p.before, p.after, lang, `${indent}  `)];
      });
    case 'vetoes-added':
    case 'vetoes-removed':
      return (e.parts ?? []).map((p) => `${indent}${named(p.target, p.label, lang)}: ${valueText(p.after ?? p.before, lang)}`);
    case 'levels-changed':
      return (e.parts ?? []).flatMap((p) => {
        const head = `${indent}${named(p.target, p.label, lang)} — ${kindTitle(lang, p.kind)}`;
        if (p.kind === 'label-changed') return [head, ...change(p.before, p.after, lang, `${indent}  `)];
        if (p.kind === 'levels-cumulative' || p.kind === 'fallback-changed') return [head, ...change(p.before, p.after, lang, `${indent}  `)];
        return [head, ...requiresLines(p.before, p.after, `${indent}  `)];
      });
    default:
      return change(e.before, e.after, lang, indent);
  }
}

function headerLines(d: Diff, lang: Lang, bullet: string): string[] {
  const h = d.header;
  const lines: string[] = [];
  for (const k of ['id', 'version', 'status', 'date', 'title'] as const) {
    if (!h.changed.includes(k)) continue;
    const b = k === 'title' ? (pickLabel(h.before.title, lang) ?? '') : (h.before[k] ?? '—');
    const a = k === 'title' ? (pickLabel(h.after.title, lang) ?? '') : (h.after[k] ?? '—');
    lines.push(`${bullet}${phrase(lang, k)}${colon(lang)}${b} → ${a}`);
  }
  if (h.hashBefore !== undefined && h.hashAfter !== undefined) lines.push(`${bullet}${phrase(lang, 'hash')}${colon(lang)}${h.hashBefore} → ${h.hashAfter}`);
  return lines;
}

/** The diff as text (terminal), Markdown or JSON (`{ header, entries }`). */
export function renderDiff(d: Diff, opts: { format: DiffFormat; lang: Lang }): string {
  const { format, lang } = opts;
  if (format === 'json') return JSON.stringify({ header: d.header, entries: d.entries.map(toDiffJson) }, null, 2);
  const h = d.header;
  const isMd = format === 'md';
  const title = `${h.before.id} ${h.before.version} → ${h.after.id === h.before.id ? '' : `${h.after.id} `}${h.after.version}`;
  const out: string[] = [isMd ? `# ${md(title)}` : title, ''];
  const meta = isMd ? headerLines(d, lang, '').map((l) => `- ${md(l)}`) : headerLines(d, lang, '  ');
  if (meta.length > 0) out.push(isMd ? `## ${md(phrase(lang, 'metadata'))}` : `${phrase(lang, 'metadata')}${colon(lang).trimEnd()}`, ...(isMd ? [''] : []), ...meta, '');
  const count = d.entries.length === 0 ? phrase(lang, 'noChanges') : phrase(lang, 'changes', { count: String(d.entries.length) });
  out.push(isMd ? `## ${md(count)}` : `${count}${colon(lang).trimEnd()}`, '');
  const width = String(d.entries.length).length;
  d.entries.forEach((e, i) => {
    const n = String(i + 1).padStart(width, ' ');
    if (isMd) {
      out.push(`${i + 1}. **${md(entrySummary(e, lang))}**`);
      const details = entryDetails(e, lang, '');
      if (details.length > 0) out.push('', ...markdownCodeBlock(details, '   '));
    } else {
      out.push(`${n}. ${entrySummary(e, lang)}`, ...entryDetails(e, lang, ' '.repeat(width + 4)));
    }
  });
  return out.join('\n').replace(/\n+$/, '') + '\n';
}
