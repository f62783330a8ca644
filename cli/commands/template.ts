// `assay template <ruleset> [--lang …] [--out <file> [--force]]`: a blank evidence YAML for the ruleset, each field
// with its label, type, unit and methods as comments in the chosen language. In: arguments. Out: YAML text.

import type { Lang } from '../../dsl/index';
import { evidenceTemplate } from '../../engine/index';
import type { ParsedArgs } from '../args';
import { t } from '../i18n';
import { CliError } from '../io';
import { loadCompiled, type Out } from './common';
import { writeOutput } from './export';

export function runTemplate(p: ParsedArgs, lang: Lang, out: Out): number {
  const [arg, ...extra] = p.positionals;
  if (arg === undefined || extra.length > 0) throw new CliError('missingArg', { command: 'template', what: t(lang, 'argRuleset') }, 2);
  const loaded = loadCompiled(arg, p, lang, out, { quietWarnings: true });
  if (!loaded) return 1;
  writeOutput(p, lang, out, evidenceTemplate(loaded.ruleset.model, lang));
  return 0;
}
