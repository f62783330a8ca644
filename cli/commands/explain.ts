// `assay explain <ruleset> <evidence>...`: why each platform got its result, from the evaluator's events:
// band per indicator, weights, dimension shares, prerequisites, vetoes, and what each higher level lacks; with the
// platform's place in a corpus (`--against <folder>`, default the corpus next to the ruleset).
// In: parsed arguments. Out: text, Markdown or JSON on stdout; exit 1 when any evidence has errors.
// Also the helpers the eval, gap and report commands share: loading platforms and the benchmark corpus.

import { existsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import type { Lang } from '../../dsl/index';
import {
  corpusStats,
  placeIn,
  type CorpusStats,
  type CompiledRuleset,
  explainPlatform,
  explanationJson,
  explanationMarkdown,
  explanationText,
  type Explanation,
  sha256Text,
  parseEvidenceText,
  type PlatformDoc,
  type Assessment,
  type EvalEvent,
} from '../../engine/index';
import { flag, type ParsedArgs } from '../args';
import { t } from '../i18n';
import { collectEvidence, CliError } from '../io';
import { loadCompiled, type Out } from './common';
import { WarningGroups } from '../warnings';

export interface LoadedPlatform {
  readonly doc: PlatformDoc;
  readonly file: string;
  readonly fileHash: string;
  /** The file's text (shared by the platforms of one file). */
  readonly text: string;
}

/** Reads evidence files (or folders); file-level problems go to stderr and set `failed`. */
export function loadPlatforms(args: readonly string[], lang: Lang, out: Out): { platforms: LoadedPlatform[]; failed: boolean } {
  const platforms: LoadedPlatform[] = [];
  let failed = false;
  for (const f of collectEvidence(args)) {
    const parsed = parseEvidenceText(f.text, f.path, { lang });
    for (const issue of parsed.issues) {
      failed = true;
      out.err(`${t(lang, 'error')}: ${t(lang, 'fileIssue', { file: f.path, message: issue.message })}`);
    }
    const hash = `sha256:${sha256Text(f.text)}`;
    for (const doc of parsed.platforms) platforms.push({ doc, file: f.path, fileHash: hash, text: f.text });
  }
  return { platforms, failed };
}

/** Prints the evidence errors of an assessment and records its warnings (said once per kind); true when it has errors. */
export function reportIssues(a: Assessment, file: string, lang: Lang, out: Out, warnings: WarningGroups): boolean {
  for (const e of a.errors) out.err(`${t(lang, 'error')}: ${t(lang, 'evidenceIssue', { file, platform: a.platform, field: e.field, message: e.message })}`);
  warnings.add(a.warnings, a.platform, file);
  return a.errors.length > 0;
}

/**
 * The benchmark corpus: `--against <folder>`, else `corpus/` next to the ruleset file, else `platforms/` there.
 * `--against none` turns benchmarking off. Undefined when there is no corpus.
 */
export function loadCorpus(
  ruleset: CompiledRuleset,
  rulesetPath: string,
  p: ParsedArgs,
  lang: Lang,
  /** Platforms already read, by resolved file path (a report over the corpus itself reads it once). */
  known?: ReadonlyMap<string, readonly PlatformDoc[]>,
): CorpusStats | undefined {
  const against = flag(p, 'against');
  if (against === 'none') return undefined;
  let dir = against;
  if (dir === undefined) {
    const here = dirname(rulesetPath);
    dir = [join(here, 'corpus'), join(here, 'platforms')].find((d) => existsSync(d) && statSync(d).isDirectory());
    if (dir === undefined) return undefined;
  }
  return assessCorpus(ruleset, dir, lang, known);
}

/** The statistics of the corpus in folder `dir` under `ruleset`; undefined when it has no valid platform. */
export function assessCorpus(
  ruleset: CompiledRuleset,
  dir: string,
  lang: Lang,
  known?: ReadonlyMap<string, readonly PlatformDoc[]>,
): CorpusStats | undefined {
  const assessed: Assessment[] = [];
  for (const f of collectEvidence([dir])) {
    const docs = known?.get(resolve(f.path)) ?? parseEvidenceText(f.text, f.path, { lang }).platforms;
    for (const doc of docs) assessed.push(ruleset.assess(doc, { lang }));
  }
  const stats = corpusStats(ruleset.model, assessed, basename(dir.replace(/[\\/]+$/, '')) || dir);
  return stats.n > 0 ? stats : undefined;
}

/** Explains one platform, placing it in the corpus when there is one. */
export function explainOne(
  ruleset: CompiledRuleset,
  doc: PlatformDoc,
  lang: Lang,
  corpus: CorpusStats | undefined,
  lenient = false,
): { assessment: Assessment; explanation: Explanation; events: readonly EvalEvent[] } {
  const r = explainPlatform(ruleset, doc, { lang, lenient });
  if (!corpus || r.assessment.outcome === 'invalid') return r;
  return { ...r, explanation: { ...r.explanation, benchmark: placeIn(corpus, r.assessment) } };
}

/** Renders explanations in a format (`text`, `md`, `json`). */
export function renderExplanations(es: readonly Explanation[], format: string, lang: Lang): string {
  switch (format) {
    case 'json':
      return JSON.stringify({ explanations: es.map((e) => explanationJson(e, lang)) }, null, 2);
    case 'md':
      return es.map((e) => explanationMarkdown(e, lang)).join('\n');
    case 'text':
      return es.map((e) => explanationText(e, lang)).join('\n');
    default:
      throw new CliError('badChoice', { flag: '--format', value: format, choices: 'text, json, md' }, 2);
  }
}

export function runExplain(p: ParsedArgs, lang: Lang, out: Out): number {
  const [rulesetArg, ...evidenceArgs] = p.positionals;
  if (rulesetArg === undefined || evidenceArgs.length === 0) {
    throw new CliError('missingArg', { command: 'explain', what: t(lang, 'argEvidence') }, 2);
  }
  const format = flag(p, 'format') ?? 'text';
  const loaded = loadCompiled(rulesetArg, p, lang, out, { quietWarnings: true });
  if (!loaded) return 1;
  const { platforms, failed: fileFailed } = loadPlatforms(evidenceArgs, lang, out);
  let failed = fileFailed;
  const corpus = loadCorpus(loaded.ruleset, loaded.path, p, lang);
  const es: Explanation[] = [];
  const warnings = new WarningGroups();
  for (const pl of platforms) {
    const r = explainOne(loaded.ruleset, pl.doc, lang, corpus, p.flags.has('lenient'));
    if (reportIssues(r.assessment, pl.file, lang, out, warnings)) failed = true;
    es.push(r.explanation);
  }
  warnings.flush(lang, out);
  out.out(renderExplanations(es, format, lang));
  return failed ? 1 : 0;
}
