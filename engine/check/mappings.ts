// Mappings (`map { value: points … }`): only for enum-typed indicators; every key a value of the type, none
// twice; every value covered (or an `else`), and an `else` that some value still reaches.
// In: a model. Out: A601–A605 diagnostics (with "did you mean" notes at the enum's declared values).

import type { EnumType, Name } from '../../dsl/ast';
import { diag, type Diagnostic, type RelatedInfo } from '../../dsl/diagnostics';
import type { IndicatorInfo, Model } from '../model/model';
import { suggest } from '../support/suggest';
import { describeType } from '../model/value-type';

function enumDecl(ind: IndicatorInfo): EnumType | undefined {
  const t = ind.decl.type;
  return t?.kind === 'Enum' ? t : undefined;
}

export function checkMappings(m: Model): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const ind of m.indicators) {
    const s = ind.decl.scoring;
    if (s?.kind !== 'Map' || !ind.type) continue;
    const head = { start: s.span.start, end: Math.min(s.span.end, s.span.start + 3) };
    if (ind.type.kind !== 'enum') {
      out.push(diag('A605', head, { name: ind.id, type: describeType(ind.type) }));
      continue;
    }
    const values = ind.type.values;
    const decl = enumDecl(ind);
    const seen = new Map<string, Name>();
    let elseEntry: { span: { start: number; end: number } } | undefined;
    for (const e of s.entries) {
      if (e.key.kind === 'Else') {
        elseEntry ??= e.key;
        continue;
      }
      const key = e.key;
      if (!values.includes(key.name)) {
        const sug = suggest(key.name, values);
        const at = sug !== undefined ? decl?.values.find((v) => v.name === sug) : undefined;
        const related: RelatedInfo[] = at ? [{ span: at.span, code: 'A902', args: { name: at.name } }] : [];
        out.push(diag('A602', key.span, { value: key.name, name: ind.id, type: describeType(ind.type) }, { related }));
        continue;
      }
      const first = seen.get(key.name);
      if (first) {
        out.push(diag('A603', key.span, { value: key.name }, { related: [{ span: first.span, code: 'A901' }] }));
        continue;
      }
      seen.set(key.name, key);
    }
    const missing = values.filter((v) => !seen.has(v));
    if (missing.length > 0 && !elseEntry) {
      out.push(diag('A601', head, { name: ind.id, values: missing.map((v) => `\`${v}\``).join(', ') }));
    } else if (missing.length === 0 && elseEntry) {
      out.push(diag('A604', elseEntry.span, { name: ind.id }));
    }
  }
  return out;
}
