// The JSON Schema of a rule-test file (`rulesets/<id>/tests/*.yaml`), the contract of the format.
// In: nothing. Out: `TEST_FILE_SCHEMA` (draft-07); schemas/ruleset-tests.schema.json is this object, printed.
//
// Editors use the JSON file for completion; engine/analyses/testing/read.ts validates with this object (ajv) and then
// checks what a schema cannot say (ids that exist in the ruleset version, platform files that can be read).

import { LANGS } from '../../../dsl/ast';

const NUMBER_TEXT = '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(/\\d+)?$';
const RATIO_TEXT = '^[+-]?(\\d+(\\.\\d*)?|\\.\\d+)(/\\d+|%)?$';

const desc = (en: string): { description: string } => ({ description: en });

/** The schema, as a plain JSON value. */
export const TEST_FILE_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://assay.dev/schemas/ruleset-tests.schema.json',
  title: 'Assay rule tests',
  ...desc('Test cases for the versions of one ruleset: evidence in, expected result out.'),
  type: 'object',
  additionalProperties: false,
  required: ['cases'],
  properties: {
    description: { type: 'string', ...desc('What the cases of this file check.') },
    platform: { $ref: '#/definitions/platform' },
    versions: { $ref: '#/definitions/versions' },
    lang: { $ref: '#/definitions/lang' },
    cases: { type: 'array', minItems: 1, items: { $ref: '#/definitions/case' } },
  },
  definitions: {
    platform: {
      type: 'string',
      minLength: 1,
      ...desc('A platform file, relative to this file (e.g. ../platforms/p1-hub-operator.yaml): the base evidence.'),
    },
    versions: {
      type: 'array',
      minItems: 1,
      uniqueItems: true,
      items: { type: 'string', minLength: 1 },
      ...desc('Ruleset versions the case applies to (default: every version tested).'),
    },
    lang: { enum: [...LANGS], ...desc('Language of the explanation that `explanation` looks into (default en).') },
    case: {
      type: 'object',
      additionalProperties: false,
      required: ['name', 'expect'],
      properties: {
        name: { type: 'string', minLength: 1 },
        description: { type: 'string' },
        platform: { $ref: '#/definitions/platform' },
        evidence: { type: 'object', ...desc('Evidence fields given inline (instead of a platform file).') },
        set: { type: 'object', ...desc('Evidence fields that replace or add to the base evidence.') },
        unset: {
          type: 'array',
          uniqueItems: true,
          items: { type: 'string', minLength: 1 },
          ...desc('Evidence fields removed from the base evidence.'),
        },
        versions: { $ref: '#/definitions/versions' },
        lang: { $ref: '#/definitions/lang' },
        expect: { $ref: '#/definitions/expect' },
      },
    },
    expect: {
      type: 'object',
      additionalProperties: false,
      properties: {
        outcome: { enum: ['graded', 'vetoed', 'not_rated', 'invalid'] },
        level: { $ref: '#/definitions/level' },
        total: { $ref: '#/definitions/number' },
        dimensions: {
          type: 'object',
          additionalProperties: { $ref: '#/definitions/dimension' },
          ...desc('By dimension id.'),
        },
        indicators: {
          type: 'object',
          additionalProperties: { $ref: '#/definitions/indicator' },
          ...desc('By indicator id.'),
        },
        derived: {
          type: 'object',
          additionalProperties: {
            anyOf: [
              { $ref: '#/definitions/number' },
              { type: 'string', pattern: '^\\s*[\\p{L}_][\\p{L}\\p{N}_]*\\s*$' },
              { type: 'boolean' },
              { type: 'null' },
            ],
          },
          ...desc('By derived value id: a number, exact or {value, tolerance}; an enum value; true or false; null when unknown.'),
        },
        vetoes: { $ref: '#/definitions/ids', ...desc('Exactly the vetoes that fire.') },
        prerequisites_failed: { $ref: '#/definitions/ids', ...desc('Exactly the prerequisites that do not hold.') },
        evidence_errors: { $ref: '#/definitions/ids', ...desc('Exactly the evidence fields reported as errors.') },
        explanation: {
          type: 'array',
          items: { type: 'string', minLength: 1 },
          ...desc('Texts the explanation of the result must contain.'),
        },
      },
    },
    level: { anyOf: [{ type: 'string', minLength: 1 }, { type: 'null' }] },
    ids: { type: 'array', uniqueItems: true, items: { type: 'string', minLength: 1 } },
    decimal: { anyOf: [{ type: 'number' }, { type: 'string', pattern: NUMBER_TEXT }] },
    ratioDecimal: { anyOf: [{ type: 'number' }, { type: 'string', pattern: RATIO_TEXT }] },
    number: {
      anyOf: [
        { type: 'number' },
        { type: 'string', pattern: NUMBER_TEXT },
        {
          type: 'object',
          additionalProperties: false,
          required: ['value', 'tolerance'],
          properties: { value: { $ref: '#/definitions/decimal' }, tolerance: { $ref: '#/definitions/decimal' } },
        },
      ],
    },
    ratio: {
      anyOf: [
        { type: 'number' },
        { type: 'string', pattern: RATIO_TEXT },
        {
          type: 'object',
          additionalProperties: false,
          required: ['value', 'tolerance'],
          properties: { value: { $ref: '#/definitions/ratioDecimal' }, tolerance: { $ref: '#/definitions/ratioDecimal' } },
        },
      ],
    },
    points: { anyOf: [{ $ref: '#/definitions/number' }, { type: 'null' }] },
    dimension: {
      type: 'object',
      additionalProperties: false,
      properties: { score: { $ref: '#/definitions/number' }, share: { $ref: '#/definitions/ratio' } },
    },
    indicator: {
      type: 'object',
      additionalProperties: false,
      properties: {
        points: { $ref: '#/definitions/points' },
        status: { enum: ['scored', 'missing', 'not_applicable'] },
      },
    },
  },
} as const;

/** Which message (`t_<name>`) describes a definition when a value does not match it. */
export const DEFINITION_EXPECTED: ReadonlyMap<string, 'number' | 'ratio' | 'points' | 'level' | 'decimal' | 'versions'> =
  new Map([
    ['number', 'number'],
    ['ratio', 'ratio'],
    ['points', 'points'],
    ['level', 'level'],
    ['decimal', 'decimal'],
    ['ratioDecimal', 'ratio'],
    ['versions', 'versions'],
  ] as const);
