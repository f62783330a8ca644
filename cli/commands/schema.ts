// `assay schema <ruleset> [--out <file> [--force]]`: the JSON Schema (draft-07) of a platform's evidence file for the
// ruleset — types, enums, ranges, labels and units as descriptions, former ids. In: arguments. Out: JSON.

import type { Lang } from '../../dsl/index';
import type { ParsedArgs } from '../args';
import { t } from '../i18n';
import { CliError } from '../io';
import { loadCompiled, type Out } from './common';
import { writeOutput } from './export';

export function runSchema(p: ParsedArgs, lang: Lang, out: Out): number {
  const [arg, ...extra] = p.positionals;
  if (arg === undefined || extra.length > 0) throw new CliError('missingArg', { command: 'schema', what: t(lang, 'argRuleset') }, 2);
  const loaded = loadCompiled(arg, p, lang, out, { quietWarnings: true });
  if (!loaded) return 1;
  writeOutput(p, lang, out, `${JSON.stringify(loaded.ruleset.evidenceSchema, null, 2)}\n`);
  return 0;
}
