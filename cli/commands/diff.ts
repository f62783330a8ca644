// `assay diff <A> <B>`: the semantic diff of two rulesets (old first) as a table-like text, Markdown or JSON.
// In: parsed arguments (paths or registry references). Out: the diff on stdout; exit 0, or 1 when a ruleset
// has errors, 2 on usage errors.

import type { Lang } from '../../dsl/index';
import { diffWithHeader, renderDiff } from '../../engine/index';
import { flag, type ParsedArgs } from '../args';
import { t } from '../i18n';
import { CliError } from '../io';
import { loadCompiled, type Out } from './common';

export function runDiff(p: ParsedArgs, lang: Lang, out: Out): number {
  const [aArg, bArg, ...rest] = p.positionals;
  if (aArg === undefined || bArg === undefined || rest.length > 0) {
    throw new CliError('missingArg', { command: 'diff', what: t(lang, 'argTwoRulesets') }, 2);
  }
  const format = flag(p, 'format') ?? 'table';
  const a = loadCompiled(aArg, p, lang, out, { quietWarnings: true });
  const b = loadCompiled(bArg, p, lang, out, { quietWarnings: true });
  if (!a || !b) return 1;
  const diff = diffWithHeader(a.ruleset, b.ruleset);
  out.out(renderDiff(diff, { format: format === 'json' ? 'json' : format === 'md' ? 'md' : 'text', lang }).replace(/\n$/, ''));
  return 0;
}
