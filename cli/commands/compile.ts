// `assay compile <ruleset> [--out <file.mjs> [--force]]`: the straight-line decide module generated ahead of time
// from the checked ruleset (engine/generate/), to import and attach with `withGenerated`. In: arguments. Out: the
// module's JavaScript, or why the generator does not cover the ruleset (exit 1; `decide` then uses the plan).

import type { Lang } from '../../dsl/index';
import { generateDecider } from '../../engine/index';
import type { ParsedArgs } from '../args';
import { t } from '../i18n';
import { CliError } from '../io';
import { loadCompiled, type Out } from './common';
import { writeOutput } from './export';

export function runCompile(p: ParsedArgs, lang: Lang, out: Out): number {
  const [arg, ...extra] = p.positionals;
  if (arg === undefined || extra.length > 0) throw new CliError('missingArg', { command: 'compile', what: t(lang, 'argRuleset') }, 2);
  const loaded = loadCompiled(arg, p, lang, out, { quietWarnings: true });
  if (!loaded) return 1;
  const r = loaded.ruleset;
  const g = generateDecider(r.model, r.identity.hash);
  if (!g.ok) {
    out.err(t(lang, 'notCovered', { ruleset: `${r.identity.id}@${r.identity.version}`, why: g.why }));
    return 1;
  }
  writeOutput(p, lang, out, g.source);
  return 0;
}
