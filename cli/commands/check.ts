// `assay check <ruleset>...`: parses and checks rulesets; prints diagnostics (text with carets, or JSON) and,
// for a clean ruleset, its id, version, counts and content hash. Exit 1 when any ruleset has an error.

import { createHash } from 'node:crypto';
import { type Lang, canonicalString, renderDiagnostics, lineCol, renderHelp, renderMessage } from '../../dsl/index';
import { flag, type ParsedArgs } from '../args';
import { t } from '../i18n';
import { CliError, compileSource, loadRulesetSource } from '../io';
import type { Out } from './common';

export function runCheck(p: ParsedArgs, lang: Lang, out: Out): number {
  if (p.positionals.length === 0) throw new CliError('missingArg', { command: 'check', what: t(lang, 'argRuleset') }, 2);
  const format = flag(p, 'format') ?? 'text';
  let failed = false;
  const json: unknown[] = [];
  for (const arg of p.positionals) {
    const src = loadRulesetSource(arg, flag(p, 'registry'));
    const { ruleset, diagnostics } = compileSource(src);
    if (!ruleset) failed = true;
    if (format === 'json') {
      json.push({
        path: src.path,
        ok: ruleset !== undefined,
        ...(ruleset ? { ruleset: ruleset.identity } : {}),
        diagnostics: diagnostics.map((d) => {
          const start = lineCol(src.text, d.span.start);
          const end = lineCol(src.text, d.span.end);
          const help = renderHelp(d, lang);
          return {
            code: d.code,
            severity: d.severity,
            message: renderMessage(d, lang),
            ...(help ? { help } : {}),
            file: d.file ?? src.path,
            start: { offset: d.span.start, line: start.line, column: start.col },
            end: { offset: d.span.end, line: end.line, column: end.col },
            text: src.text.slice(d.span.start, d.span.end),
            args: d.args,
            related: (d.related ?? []).map((r) => {
              const lc = lineCol(src.text, r.span.start);
              return { message: renderMessage(r, lang), line: lc.line, column: lc.col, offset: r.span.start };
            }),
          };
        }),
      });
      continue;
    }
    if (diagnostics.length > 0) {
      out.err(renderDiagnostics(diagnostics, { text: src.text, path: src.path, lang, color: out.tty }));
    }
    if (ruleset) {
      const m = ruleset.model;
      out.out(
        t(lang, 'checkOk', {
          id: ruleset.identity.id,
          version: ruleset.identity.version,
          status: ruleset.identity.status || '-',
          date: ruleset.identity.date ?? '-',
          dimensions: m.dimensions.length,
          indicators: m.indicators.length,
          inputs: m.inputs.length,
          prerequisites: m.prerequisites.length,
          vetoes: m.vetoes.length,
          levels: m.levels.length + (m.fallback ? 1 : 0),
          // The warnings an A105 stands for count too (it is one line for all of them).
          warnings: diagnostics.reduce((n, d) => n + (d.code === 'A105' ? Number(d.args['warnings'] ?? 0) : d.severity === 'warning' ? 1 : 0), 0),
          hash: contentHash(ruleset.ast),
        }),
      );
    }
  }
  if (format === 'json') out.out(JSON.stringify(json.length === 1 ? json[0] : json, null, 2));
  return failed ? 1 : 0;
}

/**
 * `rulesetHash(ast)` (engine/model/hash.ts) with Node's native SHA-256: the engine's portable one runs cold here, and
 * the cold start is this command's budget. A test checks that both agree.
 */
export function contentHash(ast: Parameters<typeof canonicalString>[0]): string {
  return 'sha256:' + createHash('sha256').update(canonicalString(ast), 'utf8').digest('hex');
}
