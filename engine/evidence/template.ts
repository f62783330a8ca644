// A blank evidence file for a ruleset, ready for an assessor to fill in: YAML with every field the ruleset reads.
// In: a model and a language. Out: YAML text; each field is preceded by comments giving its label, type (values,
// range), unit, note, assessment methods and former ids. Blank values are YAML null, which the engine reads as absent.

import type { Lang, Text } from '../../dsl/ast';
import { printExpr } from '../../dsl/printer';
import { LANGS } from '../../dsl/ast';
import { assertNever } from '../../dsl/ast';
import type { IndicatorInfo, InputInfo, Model } from '../model/model';
import { describeType, type ValueType } from '../model/value-type';
import { weightText } from '../present/numbers';
import { lookup, type Catalogue } from '../../dsl/words';

/** The template's words (exported for the test that every catalogue has every language and the same placeholders). */
export const TEMPLATE_WORDS = {
  title: { en: 'evidence template', 'zh-Hans': '证据模板', 'zh-Hant': '證據範本' },
  howto: {
    en: 'Fill in a value after each colon; leave it empty when there is no evidence (an empty value counts as missing).',
    'zh-Hans': '在每个冒号后填写取值；没有证据时留空（留空视为缺失）。',
    'zh-Hant': '在每個冒號後填寫取值；沒有證據時留空（留空視為缺失）。',
  },
  platform: { en: 'platform id (required)', 'zh-Hans': '平台标识（必填）', 'zh-Hant': '平台標識（必填）' },
  name: { en: 'display name', 'zh-Hans': '显示名称', 'zh-Hant': '顯示名稱' },
  inputs: { en: 'Facts', 'zh-Hans': '基本事实', 'zh-Hant': '基本事實' },
  dimension: { en: 'Dimension', 'zh-Hans': '维度', 'zh-Hant': '維度' },
  weight: { en: 'weight', 'zh-Hans': '权重', 'zh-Hant': '權重' },
  type: { en: 'type', 'zh-Hans': '类型', 'zh-Hant': '類型' },
  oneOf: { en: 'one of', 'zh-Hans': '取值之一', 'zh-Hant': '取值之一' },
  unit: { en: 'unit', 'zh-Hans': '单位', 'zh-Hant': '單位' },
  methods: { en: 'methods', 'zh-Hans': '评估方法', 'zh-Hant': '評估方法' },
  formerly: { en: 'formerly', 'zh-Hans': '曾用标识', 'zh-Hant': '曾用標識' },
  appliesWhen: { en: 'applies only when', 'zh-Hans': '仅在以下条件适用', 'zh-Hant': '僅在以下條件適用' },
  members: {
    en: 'an object: remove the `#` before the members below and fill in every one of them',
    'zh-Hans': '对象：去掉下列成员前的 `#` 并逐一填写',
    'zh-Hant': '物件：去掉下列成員前的 `#` 並逐一填寫',
  },
} as const satisfies Catalogue;
const word = (key: keyof typeof TEMPLATE_WORDS, lang: Lang): string => lookup(TEMPLATE_WORDS, key, lang);

function label(t: Text | undefined, lang: Lang): string | undefined {
  if (!t) return undefined;
  const pick = (l: Lang) => t.entries.find((e) => e.lang === l)?.value.value;
  return pick(lang) ?? pick('en') ?? t.entries[0]?.value.value;
}

/** One line of comment text; newlines inside labels or notes would end the YAML comment. */
function oneLine(s: string): string {
  return s.replace(/[\r\n\u2028\u2029]+/g, ' ');
}

function typeLine(t: ValueType, lang: Lang): string {
  switch (t.kind) {
    case 'enum':
      return `${word('oneOf', lang)}: ${t.values.join(' | ')}`;
    case 'boolean':
      return `${word('type', lang)}: true | false`;
    case 'number':
    case 'object':
      return `${word('type', lang)}: ${describeType(t)}`;
    default:
      return assertNever(t, 'value type');
  }
}

/** YAML key as written: plain when it is an identifier (always, for Assay ids). */
function key(id: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(id) ? id : JSON.stringify(id);
}

/** The blank evidence YAML of a ruleset, with comments in `lang`. */
export function evidenceTemplate(model: Model, lang: Lang = 'en'): string {
  const l: Lang = LANGS.includes(lang) ? lang : 'en';
  const out: string[] = [];
  const title = label(model.ast.header.title, l) ?? model.id;
  out.push(`# ${oneLine(title)} — ${word('title', l)} (${model.id} ${model.version})`);
  out.push(`# ${word('howto', l)}`);
  out.push(`platform:    # ${word('platform', l)}`);
  out.push(`name:        # ${word('name', l)}`);
  out.push('evidence:');

  const field = (id: string, t: ValueType | undefined, lines: string[]): void => {
    for (const c of lines) out.push(`  # ${oneLine(c)}`);
    if (t?.kind === 'object') {
      out.push(`  # ${word('members', l)}`);
      out.push(`  ${key(id)}:`);
      for (const [m, ft] of t.fields) out.push(`  #   ${key(m)}:    # ${typeLine(ft, l)}`);
    } else out.push(`  ${key(id)}:`);
  };
  const methods = (i: IndicatorInfo): string | undefined => {
    const refs = i.decl.methods?.refs ?? [];
    if (refs.length === 0) return undefined;
    const names = refs.map((r) => {
      const m = model.methodsById.get(r.method.name);
      const name = label(m?.decl.label, l);
      const base = name !== undefined ? `${name} (${r.method.name})` : r.method.name;
      return r.note ? `${base} “${r.note.value}”` : base;
    });
    return `${word('methods', l)}: ${names.join(', ')}`;
  };
  const describeInput = (i: InputInfo): string[] => {
    const lines: string[] = [];
    const name = label(i.decl.label, l);
    if (name !== undefined) lines.push(name);
    const facts = [typeLine(i.type, l)];
    if (i.decl.unit) facts.push(`${word('unit', l)}: ${i.decl.unit.value}`);
    lines.push(facts.join(' · '));
    if (i.decl.note) lines.push(i.decl.note.value);
    return lines;
  };
  const describeIndicator = (i: IndicatorInfo): string[] => {
    const lines: string[] = [];
    const name = label(i.decl.label, l);
    lines.push(name !== undefined ? `${name} [${word('weight', l)} ${weightText(i.weight)}]` : `[${word('weight', l)} ${weightText(i.weight)}]`);
    const facts: string[] = [];
    if (i.type && i.type.kind !== 'object') facts.push(typeLine(i.type, l));
    if (i.decl.unit) facts.push(`${word('unit', l)}: ${i.decl.unit.value}`);
    if (facts.length > 0) lines.push(facts.join(' · '));
    const m = methods(i);
    if (m) lines.push(m);
    if (i.decl.applies) lines.push(`${word('appliesWhen', l)}: ${printExpr(i.decl.applies)}`);
    if (i.formerly.length > 0) lines.push(`${word('formerly', l)}: ${i.formerly.join(', ')}`);
    return lines;
  };

  if (model.inputs.length > 0) {
    out.push('');
    out.push(`  # === ${word('inputs', l)}`);
    for (const i of model.inputs) field(i.id, i.type, describeInput(i));
  }
  for (const d of model.dimensions) {
    out.push('');
    const name = label(d.decl.label, l);
    out.push(`  # === ${word('dimension', l)} ${d.id}${name !== undefined ? ` ${oneLine(name)}` : ''} [${word('weight', l)} ${weightText(d.weight)}]`);
    for (const id of d.indicators) {
      const i = model.indicatorsById.get(id);
      if (i) field(i.id, i.type, describeIndicator(i));
    }
  }
  return `${out.join('\n')}\n`;
}
