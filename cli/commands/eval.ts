// `assay eval <ruleset> <evidence>...`: assesses platforms and prints a table, Markdown or the JSON shape.
// In: parsed arguments. Out: text on stdout, evidence problems on stderr; exit 1 when the ruleset or any
// platform's evidence has errors (the other platforms are still assessed and printed). `--decision`: the
// decision alone (outcome, level, total, failed prerequisites, fired vetoes, errors and warnings), no detail.

import type { Lang } from '../../dsl/index';
import {
  derivedText,
  parseEvidenceText,
  scoreText,
  totalText,
  weightText,
  type CompiledRuleset,
  decisionOf,
  toDecisionJson,
  toResultJson,
  type Assessment,
  type Decision,
  type MissingEvidence,
  escapeMarkdown,
  explanationJson,
  type Explanation,
} from '../../engine/index';
import { flag, type ParsedArgs } from '../args';
import { t } from '../i18n';
import { collectEvidence, CliError } from '../io';
import { markdownTable, textTable, type Align } from '../table';
import { labelOf, loadCompiled, type Out } from './common';
import { maxWorkers, streamEval } from '../stream/run';
import { evalCsv, evalJunit } from '../eval-formats';
import { WarningGroups } from '../warnings';
import { explainOne, loadCorpus, renderExplanations } from './explain';

const STREAM_EXT = /\.(ndjson|jsonl|csv)$/i;

export function runEval(p: ParsedArgs, lang: Lang, out: Out): number {
  const [rulesetArg, ...evidenceArgs] = p.positionals;
  if (rulesetArg === undefined || evidenceArgs.length === 0) {
    throw new CliError('missingArg', { command: 'eval', what: t(lang, 'argEvidence') }, 2);
  }
  const format = flag(p, 'format') ?? 'table';
  const workers = workersFlag(p);
  const decision = p.flags.has('decision');
  if (decision && p.flags.has('explain')) throw new CliError('decisionExplain', {}, 2);
  const loaded = loadCompiled(rulesetArg, p, lang, out);
  if (!loaded) return 1;
  const { ruleset } = loaded;
  // Corpora (NDJSON, CSV): streamed, one NDJSON result line per platform, on every core (cli/stream/).
  if (evidenceArgs.every((a) => STREAM_EXT.test(a))) {
    let code = 0;
    for (const path of evidenceArgs) {
      const r = streamEval({
        path,
        format: /\.csv$/i.test(path) ? 'csv' : 'ndjson',
        ruleset,
        rulesetText: loaded.text,
        lang,
        progress: out.tty,
        decision,
        lenient: p.flags.has('lenient'),
        ...(workers !== undefined ? { workers } : {}),
      });
      for (const w of r.warnings ?? []) out.err(`${t(lang, 'warning')}: ${w}`);
      if (r.error !== undefined) {
        out.err(`${t(lang, 'error')}: ${r.error}`);
        code = 1;
      } else if (r.failed > 0) {
        out.err(`${t(lang, 'error')}: ${t(lang, 'streamSkipped', { file: path, failed: r.failed, records: r.records })}`);
        code = 1;
      }
    }
    return code;
  }
  const files = collectEvidence(evidenceArgs);
  const results: Assessment[] = [];
  const decisions: Decision[] = [];
  // `--explain`: each platform's explanation, from the events of the same assessment (issue #5).
  const explain = p.flags.has('explain');
  const lenient = p.flags.has('lenient');
  const corpus = explain ? loadCorpus(ruleset, loaded.path, p, lang) : undefined;
  const explanations: Explanation[] = [];
  let failed = false;
  // The same warning on many platforms (a field this version does not know, typically) is said once.
  const warnings = new WarningGroups();
  for (const f of files) {
    const parsed = parseEvidenceText(f.text, f.path, { lang });
    for (const issue of parsed.issues) {
      failed = true;
      out.err(`${t(lang, 'error')}: ${t(lang, 'fileIssue', { file: f.path, message: issue.message })}`);
    }
    for (const platform of parsed.platforms) {
      let a: Assessment | Decision;
      if (explain) {
        const r = explainOne(ruleset, platform, lang, corpus, lenient);
        a = r.assessment;
        explanations.push(r.explanation);
        results.push(a);
      } else if (decision) {
        a = ruleset.decide(platform, { lang, lenient });
        decisions.push(a);
      } else {
        a = ruleset.assess(platform, { lang, lenient });
        results.push(a);
      }
      for (const e of a.errors) {
        failed = true;
        out.err(`${t(lang, 'error')}: ${t(lang, 'evidenceIssue', { file: f.path, platform: a.platform, field: e.field, message: e.message })}`);
      }
      warnings.add(a.warnings, a.platform, f.path);
    }
  }
  warnings.flush(lang, out);
  switch (format) {
    case 'json':
      out.out(
        JSON.stringify(
          {
            ruleset: { ...ruleset.identity },
            results: decision ? decisions.map(toDecisionJson) : results.map(toResultJson),
            ...(explain ? { explanations: explanations.map((e) => explanationJson(e, lang)) } : {}),
          },
          null,
          2,
        ),
      );
      break;
    case 'md':
    case 'table':
      out.out(renderTable(ruleset, decision ? decisions : results, lang, format));
      if (explain) out.out(renderExplanations(explanations, format === 'md' ? 'md' : 'text', lang));
      break;
    case 'csv':
      out.out(evalCsv(ruleset, decision ? decisions : results));
      break;
    case 'junit':
      out.out(evalJunit(ruleset, decision ? decisions : results, lang));
      break;
    default:
      throw new CliError('badChoice', { flag: '--format', value: format, choices: 'table, json, md, csv, junit' }, 2);
  }
  return failed ? 1 : 0;
}

/** `--workers N`: worker threads for streamed corpora (0 = in-process); a usage error unless a whole number 0..max. */
function workersFlag(p: ParsedArgs): number | undefined {
  const v = flag(p, 'workers');
  if (v === undefined) return undefined;
  const max = maxWorkers();
  if (!/^\d{1,4}$/.test(v.trim()) || Number(v.trim()) > max) throw new CliError('badWorkers', { value: v, max: String(max) }, 2);
  return Number(v.trim());
}

/** The results table; decisions have no dimension columns. */
function renderTable(ruleset: CompiledRuleset, results: readonly (Assessment | Decision)[], lang: Lang, format: 'md' | 'table'): string {
  const detail = results.every((a): a is Assessment => 'dimensions' in a);
  const dims = detail ? ruleset.model.dimensions.map((d) => d.id) : [];
  const header = [
    t(lang, 'hPlatform'),
    t(lang, 'hOutcome'),
    t(lang, 'hLevel'),
    t(lang, 'hTotal'),
    ...dims,
    t(lang, 'hVetoes'),
    t(lang, 'hPrereq'),
  ];
  const aligns: Align[] = ['left', 'left', 'left', 'right', ...dims.map((): Align => 'right'), 'left', 'left'];
  const rows = results.map((a) => {
    const byId = new Map('dimensions' in a ? a.dimensions.map((d) => [d.id, d]) : []);
    const d = 'dimensions' in a ? decisionOf(a) : a;
    const invalid = a.outcome === 'invalid';
    return [
      a.platform,
      t(lang, a.outcome),
      a.level ?? '—',
      // A total by formula is on the standard's own scale, shown at the ruleset's precision (as `explain` does).
      invalid ? '—' : ruleset.model.totalFormula ? derivedText(a.total, ruleset.model.precision) : totalText(a.total),
      ...dims.map((id) => {
        const d = byId.get(id);
        return d && !invalid ? scoreText(d.score) : '—';
      }),
      d.vetoes.join(', ') || '—',
      d.prerequisitesFailed.join(', ') || '—',
    ];
  });
  const id = ruleset.identity;
  const title = t(lang, 'evalTitle', {
    title: labelOf(ruleset.ast.header.title, lang) ?? id.id,
    id: id.id,
    version: id.version,
    status: id.status || '-',
    hash: id.hash.slice(0, 19),
  });
  const legend = (detail ? ruleset.model.dimensions : [])
    .map((d) => `${d.id} ${labelOf(d.decl.label, lang) ?? ''} (${weightText(d.weight)})`)
    .join(' · ');
  const missing = missingLines(results.map((a) => ('dimensions' in a ? decisionOf(a) : a)), lang);
  const missingTail = (md: boolean): string =>
    missing.length === 0 ? '' : `\n${t(lang, 'missingTitle')}:\n${missing.map((l) => (md ? `- ${escapeMarkdown(l)}` : `  ${l}`)).join('\n')}\n`;
  if (format === 'md') return `### ${escapeMarkdown(title)}\n\n${markdownTable(header, rows, aligns)}\n${legend === '' ? '' : `\n${escapeMarkdown(legend)}\n`}${missingTail(true)}`;
  const tail = (legend === '' ? '' : `\n${legend}\n`) + missingTail(false);
  return `${title}\n\n${textTable(header, rows, aligns)}\n${tail}`;
}

/** One line per platform with missing evidence: each field and what its absence cost. */
export function missingLines(decisions: readonly Decision[], lang: Lang): string[] {
  return decisions
    .filter((d) => d.missing.length > 0)
    .map((d) => `${d.platform}: ${d.missing.map((m) => `\`${m.field}\` — ${missingCost(m, lang)}`).join('; ')}`);
}

function missingCost(m: MissingEvidence, lang: Lang): string {
  return [
    ...m.indicators.map((i) => t(lang, 'missingPoints', { indicator: i.id, points: scoreText(i.upTo), dimension: i.dimension })),
    ...m.prerequisites.map((id) => t(lang, 'missingPrereq', { id })),
    ...m.vetoes.map((id) => t(lang, 'missingVeto', { id })),
  ].join(', ');
}
