// `assay import <file.json> [--out <file> [--force]]`: canonical JSON → formatted DSL (checked by reading it back);
// `assay import --from jsonlogic <file>`: a JsonLogic rule → an Assay expression. In: arguments. Out: text; every
// problem on stderr with its JSON Pointer (exit 1).

import { type Lang, printExpr } from '../../dsl/index';
import { type ImportIssue, importJsonLogic, type JsonLogicGap, importRulesetJson } from '../../engine/index';
import { flag, type ParsedArgs } from '../args';
import { t, type Key } from '../i18n';
import { CliError, readText } from '../io';
import type { Out } from './common';
import { writeOutput } from './export';

const PROBLEM_KEY: Readonly<Record<ImportIssue['problem'], Key>> = {
  expected: 'importExpected',
  'unknown-key': 'importUnknownKey',
  missing: 'importMissing',
  json: 'importJson',
  'round-trip': 'importRoundTrip',
};

const GAP_KEY: Readonly<Record<JsonLogicGap, Key>> = {
  'no-strings': 'gapNoStrings',
  'no-arrays': 'gapNoArrays',
  'no-null': 'gapNoNull',
  'no-modulo': 'gapNoModulo',
  'var-form': 'gapVarForm',
  log: 'gapLog',
  'unknown-op': 'gapUnknownOp',
  'bad-args': 'gapBadArgs',
};

export function runImport(p: ParsedArgs, lang: Lang, out: Out): number {
  const [file, ...extra] = p.positionals;
  if (file === undefined || extra.length > 0) throw new CliError('missingArg', { command: 'import', what: t(lang, 'argImportFile') }, 2);
  const text = readText(file);
  if ((flag(p, 'from') ?? 'json') === 'jsonlogic') {
    let rule: unknown;
    try {
      rule = JSON.parse(text);
    } catch (e) {
      out.err(`${t(lang, 'error')}: ${t(lang, 'importJson', { file, detail: e instanceof Error ? e.message : String(e) })}`);
      return 1;
    }
    const r = importJsonLogic(rule);
    if (!r.ok) {
      for (const i of r.issues) {
        const reason = t(lang, GAP_KEY[i.gap], { what: i.what });
        out.err(`${t(lang, 'error')}: ${t(lang, 'jsonlogicUnsupported', { file, path: i.path || '/', reason })}`);
      }
      return 1;
    }
    writeOutput(p, lang, out, `${printExpr(r.expr)}\n`);
    return 0;
  }
  const r = importRulesetJson(text);
  if (!r.ok) {
    for (const i of r.issues) {
      out.err(`${t(lang, 'error')}: ${t(lang, PROBLEM_KEY[i.problem], { file, path: i.path || '/', detail: i.detail })}`);
    }
    out.err(t(lang, 'importFailed', { file, count: r.issues.length }));
    return 1;
  }
  writeOutput(p, lang, out, r.text);
  return 0;
}
