// `assay export <ruleset> [--format json|jsonlogic] [--out <file> [--force]]`: the ruleset as canonical JSON or as
// JsonLogic rules. In: parsed arguments. Out: JSON on stdout or in a file; JsonLogic notes on stderr as warnings.

import type { Lang } from '../../dsl/index';
import { exportCanonicalText, exportJsonLogic, type JsonLogicRules } from '../../engine/index';
import { flag, has, type ParsedArgs } from '../args';
import { t } from '../i18n';
import { CliError } from '../io';
import { writeFileSafely } from '../write';
import { loadCompiled, type Out } from './common';

/** Writes `text` to `--out` (never over anything at that path, a dangling symlink included, without `--force`), or to stdout. */
export function writeOutput(p: ParsedArgs, lang: Lang, out: Out, text: string): void {
  const path = flag(p, 'out');
  if (path === undefined) {
    out.out(text.endsWith('\n') ? text.slice(0, -1) : text);
    return;
  }
  writeFileSafely(path, text.endsWith('\n') ? text : `${text}\n`, { force: has(p, 'force') }, lang);
  out.err(t(lang, 'wrote', { path }));
}

/** JsonLogic rules as JSON: the structure indented, each rule on one line (rules are long and machine-made). */
export function jsonLogicText(rules: JsonLogicRules): string {
  const map = (o: Readonly<Record<string, unknown>>): string => {
    const entries = Object.entries(o).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
    return entries.length === 0 ? '{}' : `{\n${entries.join(',\n')}\n  }`;
  };
  const lines = [
    `  "indicators": ${map(rules.indicators)}`,
    `  "dimensions": ${map(rules.dimensions)}`,
    `  "total": ${JSON.stringify(rules.total)}`,
    `  "prerequisitesFailed": ${JSON.stringify(rules.prerequisitesFailed)}`,
    `  "vetoes": ${JSON.stringify(rules.vetoes)}`,
    `  "outcome": ${JSON.stringify(rules.outcome)}`,
    `  "level": ${JSON.stringify(rules.level)}`,
  ];
  return `{\n${lines.join(',\n')}\n}\n`;
}

export function runExport(p: ParsedArgs, lang: Lang, out: Out): number {
  const [arg, ...extra] = p.positionals;
  if (arg === undefined || extra.length > 0) throw new CliError('missingArg', { command: 'export', what: t(lang, 'argRuleset') }, 2);
  const format = flag(p, 'format') ?? 'json';
  const loaded = loadCompiled(arg, p, lang, out, { quietWarnings: true });
  if (!loaded) return 1;
  const { ruleset } = loaded;
  if (format === 'jsonlogic') {
    const { rules, notes } = exportJsonLogic(ruleset.model);
    for (const note of notes) out.err(`${t(lang, 'warning')}: ${t(lang, 'exportNote', { note })}`);
    writeOutput(p, lang, out, jsonLogicText(rules));
  } else {
    writeOutput(p, lang, out, exportCanonicalText(ruleset.ast));
  }
  return 0;
}
