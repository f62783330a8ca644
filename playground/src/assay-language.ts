// The Assay language for Monaco: registration, Monarch tokenizer and editing configuration.
// In: the monaco API. Out: language id `assay` registered (once), with keyword lists completion reuses.

import type { monaco as Monaco } from './monaco-setup';

type MonacoApi = typeof Monaco;

export const LANGUAGE_ID = 'assay';

/** Words of the grammar (dsl/README.md), grouped for colouring and completion. */
export const DECLARATION_KEYWORDS = [
  'ruleset', 'version', 'status', 'date', 'title', 'total', 'method', 'input', 'derive', 'dimension', 'indicator',
  'prerequisite', 'veto', 'levels', 'level', 'fallback', 'cumulative',
] as const;
export const CLAUSE_KEYWORDS = [
  'label', 'weight', 'type', 'unit', 'note', 'higher', 'lower', 'is', 'better', 'methods', 'basis', 'applies',
  'when', 'formerly', 'bands', 'map', 'formula', 'require', 'else', 'required', 'evidence', 'precision',
] as const;
export const EXPRESSION_KEYWORDS = [
  'if', 'then', 'and', 'or', 'not', 'in', 'every', 'some', 'true', 'false', 'to', 'value',
  'score', 'share', 'points', 'fired', 'decided', 'holds', 'min', 'max', 'abs', 'known', 'ceil', 'floor', 'round',
  'table',
] as const;
/** The rounding modes: names only inside `round(…)`, coloured like the words of expressions. */
export const ROUNDING_MODES = ['half_up', 'half_even', 'half_down'] as const;
export const TYPE_KEYWORDS = ['boolean', 'integer', 'number', 'percent', 'enum', 'object'] as const;
export const STATUS_WORDS = ['draft', 'for-comment', 'published', 'superseded'] as const;
export const LANG_TAGS = ['zh-Hans', 'zh-Hant', 'en'] as const;

let registered = false;

export const THEME = 'assay-light';

export function registerAssayLanguage(monaco: MonacoApi): void {
  if (registered) return;
  registered = true;
  monaco.editor.defineTheme(THEME, {
    base: 'vs',
    inherit: true,
    // Token colours dark enough, and diff backgrounds light enough, that every token keeps a 4.5:1 contrast on them (WCAG AA).
    colors: {
      'diffEditor.removedLineBackground': '#fff0f0',
      'diffEditor.removedTextBackground': '#ffdcdc',
      'diffEditor.insertedLineBackground': '#effbef',
      'diffEditor.insertedTextBackground': '#d5f5d5',
    },
    rules: [
      { token: 'keyword', foreground: '0000c8', fontStyle: 'bold' },
      { token: 'keyword.clause', foreground: '6d28d9' },
      { token: 'keyword.operator', foreground: '8f00b3' },
      { token: 'type', foreground: '0d635c' },
      { token: 'tag', foreground: '92400e', fontStyle: 'italic' },
      { token: 'number', foreground: '087347' },
      { token: 'number.percent', foreground: '0a6577', fontStyle: 'bold' },
      { token: 'number.date', foreground: '087347' },
      { token: 'string', foreground: 'a31515' },
      { token: 'string.escape', foreground: 'a00000' },
      { token: 'comment', foreground: '57606a', fontStyle: 'italic' },
      { token: 'identifier', foreground: '1d2430' },
      { token: 'operator', foreground: '444444' },
    ],
  });
  monaco.languages.register({ id: LANGUAGE_ID, extensions: ['.assay'], aliases: ['Assay', 'assay'] });
  monaco.languages.setLanguageConfiguration(LANGUAGE_ID, {
    comments: { lineComment: '#' },
    brackets: [
      ['{', '}'],
      ['(', ')'],
    ],
    autoClosingPairs: [
      { open: '{', close: '}' },
      { open: '(', close: ')' },
      { open: '"', close: '"', notIn: ['string', 'comment'] },
    ],
    surroundingPairs: [
      { open: '{', close: '}' },
      { open: '(', close: ')' },
      { open: '"', close: '"' },
    ],
    wordPattern: /[A-Za-z_][A-Za-z0-9_]*/,
    indentationRules: { increaseIndentPattern: /\{[^}]*$/, decreaseIndentPattern: /^\s*\}/ },
  });
  monaco.languages.setMonarchTokensProvider(LANGUAGE_ID, {
    defaultToken: '',
    declarations: [...DECLARATION_KEYWORDS],
    clauses: [...CLAUSE_KEYWORDS],
    expressions: [...EXPRESSION_KEYWORDS, ...ROUNDING_MODES],
    types: [...TYPE_KEYWORDS],
    tokenizer: {
      root: [
        [/#.*$/, 'comment'],
        [/\b(?:zh-Hans|zh-Hant)\b/, 'tag'],
        [/\ben(?=\s*")/, 'tag'],
        [/\bfor-comment\b/, 'keyword'],
        [/\d{4}-\d{2}-\d{2}\b/, 'number.date'],
        [/\d+(?:\.\d+)?%/, 'number.percent'],
        [/\d+(?:\.\d+)?/, 'number'],
        [
          /[A-Za-z_][A-Za-z0-9_]*/,
          {
            cases: {
              '@declarations': 'keyword',
              '@clauses': 'keyword.clause',
              '@types': 'type',
              '@expressions': 'keyword.operator',
              '@default': 'identifier',
            },
          },
        ],
        [/"/, { token: 'string.quote', next: '@string' }],
        [/[{}()]/, '@brackets'],
        [/>=|<=|!=|[<>=≥≤≠]/, 'operator'],
        [/[+\-*/^:,.]/, 'delimiter'],
        [/\s+/, 'white'],
      ],
      string: [
        [/[^\\"]+/, 'string'],
        [/\\(?:["\\nt]|u[0-9A-Fa-f]{4})/, 'string.escape'],
        [/\\./, 'string.escape.invalid'],
        [/"/, { token: 'string.quote', next: '@pop' }],
        [/$/, { token: 'string.invalid', next: '@pop' }],
      ],
    },
  });
}
