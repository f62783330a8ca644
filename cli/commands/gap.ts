// `assay gap <ruleset> <evidence>... [--target L4] [--format text|json|md]`: the smallest evidence changes that
// reach the next level (or the target), each plan verified by the engine. In: parsed arguments. Out: plans on
// stdout; exit 1 when evidence has errors, 2 when the target is not a level of the ruleset.

import type { Lang } from '../../dsl/index';
import {
  type CompiledRuleset,
  gapJson,
  gapMarkdown,
  gapText,
  improvementPlans,
  type GapResult,
} from '../../engine/index';
import { flag, type ParsedArgs } from '../args';
import { t } from '../i18n';
import { CliError } from '../io';
import { loadCompiled, type Out } from './common';
import { loadPlatforms } from './explain';

export function runGap(p: ParsedArgs, lang: Lang, out: Out): number {
  const [rulesetArg, ...evidenceArgs] = p.positionals;
  if (rulesetArg === undefined || evidenceArgs.length === 0) {
    throw new CliError('missingArg', { command: 'gap', what: t(lang, 'argEvidence') }, 2);
  }
  const format = flag(p, 'format') ?? 'text';
  if (!['text', 'json', 'md'].includes(format)) throw new CliError('badChoice', { flag: '--format', value: format, choices: 'text, json, md' }, 2);
  const loaded = loadCompiled(rulesetArg, p, lang, out, { quietWarnings: true });
  if (!loaded) return 1;
  const { ruleset } = loaded;
  const target = flag(p, 'target');
  if (target !== undefined && !ruleset.model.levels.some((l) => l.id === target)) {
    throw new CliError(
      'unknownTarget',
      { target, id: ruleset.identity.id, version: ruleset.identity.version, levels: ruleset.model.levels.map((l) => l.id).join(', ') },
      2,
    );
  }
  const { platforms, failed: fileFailed } = loadPlatforms(evidenceArgs, lang, out);
  let failed = fileFailed;
  const results: GapResult[] = [];
  for (const pl of platforms) {
    const lenient = p.flags.has('lenient');
    const g = improvementPlans(ruleset, pl.doc, { lang, lenient, ...(target !== undefined ? { target } : {}) });
    if (g.status === 'invalid') {
      failed = true;
      const a = ruleset.assess(pl.doc, { lang, lenient });
      for (const e of a.errors) out.err(`${t(lang, 'error')}: ${t(lang, 'evidenceIssue', { file: pl.file, platform: a.platform, field: e.field, message: e.message })}`);
    }
    results.push(g);
    if (g.status === 'not-found') out.err(`${t(lang, 'warning')}: ${narrowHint(ruleset, g, lang)}`);
  }
  switch (format) {
    case 'json': {
      const list = results.map((g) => gapJson(ruleset, g, lang));
      out.out(JSON.stringify(list.length === 1 ? list[0] : { results: list }, null, 2));
      break;
    }
    case 'md':
      out.out(results.map((g) => gapMarkdown(ruleset, g, lang)).join('\n'));
      break;
    default:
      out.out(results.map((g) => gapText(ruleset, g, lang)).join('\n'));
  }
  return failed ? 1 : 0;
}

/** How to narrow a search that stopped at its budget: a nearer level than the target, if there is one. */
function narrowHint(ruleset: CompiledRuleset, g: GapResult, lang: Lang): string {
  const ids = ruleset.model.levels.map((l) => l.id);
  const from = g.level === null ? ids.length : ids.indexOf(g.level);
  const to = g.target === null ? -1 : ids.indexOf(g.target);
  // Levels are listed highest first: the ones between the target and the current level are nearer.
  const between = to >= 0 ? ids.slice(to + 1, from < 0 ? ids.length : from) : [];
  const nearest = between[between.length - 1];
  if (nearest === undefined) return t(lang, 'gapNarrowNext', { platform: g.platform, target: g.target ?? '—' });
  return t(lang, 'gapNarrow', { platform: g.platform, level: nearest, levels: between.join(', ') });
}
