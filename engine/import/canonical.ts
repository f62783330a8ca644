// Import of the canonical JSON form: plain data (as `toCanonical` writes it, or as another tool produced it) → AST.
// In: any parsed JSON value. Out: a `Ruleset` AST (spans `NO_SPAN`, no comments) or every problem found, by path.
//
// The decoder is strict: every node needs its `kind` (where the form has one), every required key, values of the
// right shape (ids as identifiers, numbers as decimal text, dates as YYYY-MM-DD), and no unknown keys — so a file
// that round-trips is exactly what the DSL can say. Keys are read as own properties only (no prototype lookups).

import * as A from '../../dsl/ast';
import { NO_SPAN } from '../../dsl/ast';

/** One problem of an imported document: where (a JSON Pointer) and what was expected there. */
export interface ImportIssue {
  /** JSON Pointer of the offending value, e.g. `/items/3/indicators/0/weight`. */
  readonly path: string;
  /**
   * `expected`: a value of another shape; `unknown-key`: a key the form does not have; `missing`: a required key;
   * `json`: the text is not JSON; `round-trip`: the DSL printed from it does not read back the same.
   */
  readonly problem: 'expected' | 'unknown-key' | 'missing' | 'json' | 'round-trip';
  /** What was expected (language-neutral: a kind, a type, a list of values) or the offending key. */
  readonly detail: string;
}

export type ImportResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly issues: readonly ImportIssue[] };

/** Most issues reported for one document (the rest would only repeat the first ones). */
export const MAX_IMPORT_ISSUES = 100;
/** Deepest nesting accepted (the parser's own limit on expressions is lower). */
const MAX_DEPTH = 200;

const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DIGITS = /^\d+$/;

const span = NO_SPAN;

class Stop extends Error {}

/** The decoding state: issues collected so far. */
class Decoder {
  readonly issues: ImportIssue[] = [];

  fail(path: string, problem: ImportIssue['problem'], detail: string): undefined {
    if (this.issues.length < MAX_IMPORT_ISSUES) this.issues.push({ path, problem, detail });
    if (this.issues.length >= MAX_IMPORT_ISSUES) throw new Stop();
    return undefined;
  }

  /** An object with exactly the allowed keys (own, enumerable); reports unknown keys. */
  obj(v: unknown, path: string, what: string, allowed: readonly string[]): Readonly<Record<string, unknown>> | undefined {
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return this.fail(path, 'expected', what);
    const o = v as Record<string, unknown>;
    for (const k of Object.keys(o)) if (!allowed.includes(k)) this.fail(`${path}/${escapePointer(k)}`, 'unknown-key', k);
    return o;
  }

  /** An object whose `kind` is `kind`, with the other allowed keys. */
  node(v: unknown, path: string, kind: string, keys: readonly string[]): Readonly<Record<string, unknown>> | undefined {
    const o = this.obj(v, path, `\`${kind}\` node`, ['kind', ...keys]);
    if (!o) return undefined;
    if (get(o, 'kind') !== kind) return this.fail(`${path}/kind`, 'expected', `"${kind}"`);
    return o;
  }

  req<T>(o: Readonly<Record<string, unknown>>, key: string, path: string, f: (v: unknown, p: string) => T | undefined): T | undefined {
    if (!Object.hasOwn(o, key)) return this.fail(`${path}/${key}`, 'missing', key);
    return f(get(o, key), `${path}/${key}`);
  }

  /** An optional key: absent stays absent; `null` is not allowed (the canonical form omits absent keys). */
  opt<T>(o: Readonly<Record<string, unknown>>, key: string, path: string, f: (v: unknown, p: string) => T | undefined): T | undefined {
    if (!Object.hasOwn(o, key)) return undefined;
    return f(get(o, key), `${path}/${key}`);
  }

  arr<T>(v: unknown, path: string, f: (x: unknown, p: string) => T | undefined): T[] | undefined {
    if (!Array.isArray(v)) return this.fail(path, 'expected', 'array');
    const out: T[] = [];
    let ok = true;
    v.forEach((x, i) => {
      const r = f(x, `${path}/${i}`);
      if (r === undefined) ok = false;
      else out.push(r);
    });
    return ok ? out : undefined;
  }

  string(v: unknown, path: string): string | undefined {
    return typeof v === 'string' ? v : this.fail(path, 'expected', 'string');
  }

  oneOf<T extends string>(v: unknown, path: string, values: readonly T[]): T | undefined {
    return typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : this.fail(path, 'expected', values.map((x) => `"${x}"`).join(' | '));
  }

  boolean(v: unknown, path: string): boolean | undefined {
    return typeof v === 'boolean' ? v : this.fail(path, 'expected', 'boolean');
  }

  /** A keyword that is there or not (`required`, `evidence required`): `true` in the form, a span in the AST. */
  flag(v: unknown, path: string): A.Span | undefined {
    return v === true ? span : this.fail(path, 'expected', 'true');
  }

  matching(v: unknown, path: string, re: RegExp, what: string): string | undefined {
    return typeof v === 'string' && re.test(v) ? v : this.fail(path, 'expected', what);
  }
}

function get(o: Readonly<Record<string, unknown>>, key: string): unknown {
  return Object.getOwnPropertyDescriptor(o, key)?.value;
}

function escapePointer(k: string): string {
  return k.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** `T` with the fields that may be undefined made optional instead (exactOptionalPropertyTypes). */
type Clean<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** Removes keys whose value is undefined (the AST never holds them). */
function clean<const T extends object>(o: T): Clean<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Clean<T>;
}

/** True when every listed value is defined (the required parts of a node decoded). */
function all(...xs: unknown[]): boolean {
  return xs.every((x) => x !== undefined);
}

class RulesetDecoder extends Decoder {
  private depth = 0;

  name = (v: unknown, p: string): A.Name | undefined => {
    const o = this.node(v, p, 'Name', ['name']);
    const name = o && this.req(o, 'name', p, (x, q) => this.matching(x, q, IDENT, 'identifier'));
    return name === undefined ? undefined : { kind: 'Name', name, span };
  };

  str = (v: unknown, p: string): A.Str | undefined => {
    const o = this.node(v, p, 'Str', ['value']);
    const value = o && this.req(o, 'value', p, (x, q) => this.string(x, q));
    return value === undefined ? undefined : { kind: 'Str', value, span };
  };

  num = (v: unknown, p: string): A.Num | undefined => {
    const o = this.node(v, p, 'Num', ['text']);
    const text = o && this.req(o, 'text', p, (x, q) => this.matching(x, q, DECIMAL, 'decimal text'));
    return text === undefined ? undefined : { kind: 'Num', text, span };
  };

  text = (v: unknown, p: string): A.Text | undefined => {
    const o = this.node(v, p, 'Text', ['entries']);
    const entries = o && this.req(o, 'entries', p, (x, q) => this.arr(x, q, this.textEntry));
    return entries === undefined ? undefined : { kind: 'Text', entries, span };
  };

  textEntry = (v: unknown, p: string): A.TextEntry | undefined => {
    const o = this.obj(v, p, 'text entry', ['lang', 'value']);
    if (!o) return undefined;
    const lang = this.req(o, 'lang', p, (x, q) => this.oneOf(x, q, A.LANGS));
    const value = this.req(o, 'value', p, this.str);
    return lang !== undefined && value !== undefined ? { lang, value, span } : undefined;
  };

  ruleset = (v: unknown, p: string): A.Ruleset | undefined => {
    const o = this.node(v, p, 'Ruleset', ['header', 'id', 'items']);
    if (!o) return undefined;
    const header = this.req(o, 'header', p, this.header);
    const id = this.req(o, 'id', p, this.str);
    const items = this.req(o, 'items', p, (x, q) => this.arr(x, q, this.topItem));
    if (!header || !id || !items) return undefined;
    return { kind: 'Ruleset', id, header, items, comments: [], span };
  };

  header = (v: unknown, p: string): A.RulesetHeader | undefined => {
    const o = this.obj(v, p, 'ruleset header', ['date', 'evidenceRequired', 'precision', 'status', 'title', 'total', 'version']);
    if (!o) return undefined;
    const date = this.opt(o, 'date', p, (x, q) => {
      const d = this.node(x, q, 'Date', ['text']);
      const text = d && this.req(d, 'text', q, (y, r) => this.matching(y, r, DATE, 'date YYYY-MM-DD'));
      return text === undefined ? undefined : ({ kind: 'Date', text, span } as const);
    });
    return clean({
      version: this.opt(o, 'version', p, this.str),
      status: this.opt(o, 'status', p, this.str),
      date,
      title: this.opt(o, 'title', p, this.text),
      total: this.opt(o, 'total', p, this.num),
      evidenceRequired: this.opt(o, 'evidenceRequired', p, (x, q) => this.flag(x, q)),
      precision: this.opt(o, 'precision', p, (x, q) => {
        const n = this.num(x, q);
        return n && !DIGITS.test(n.text) ? this.fail(`${q}/text`, 'expected', 'whole number') : n;
      }),
      span,
    });
  };

  topItem = (v: unknown, p: string): A.TopItem | undefined => {
    const kind = typeof v === 'object' && v !== null && !Array.isArray(v) ? get(v as Record<string, unknown>, 'kind') : undefined;
    switch (kind) {
      case 'Method': {
        const o = this.node(v, p, 'Method', ['id', 'label']);
        const id = o && this.req(o, 'id', p, this.name);
        return o && id ? clean({ kind: 'Method' as const, id, label: this.opt(o, 'label', p, this.text), span }) : undefined;
      }
      case 'Input': {
        const o = this.node(v, p, 'Input', ['id', 'label', 'note', 'required', 'type', 'unit']);
        if (!o) return undefined;
        const id = this.req(o, 'id', p, this.name);
        const type = this.req(o, 'type', p, this.type);
        if (!id || !type) return undefined;
        return clean({
          kind: 'Input' as const,
          id,
          type,
          label: this.opt(o, 'label', p, this.text),
          unit: this.opt(o, 'unit', p, this.str),
          note: this.opt(o, 'note', p, this.str),
          required: this.opt(o, 'required', p, (x, q) => this.flag(x, q)),
          span,
        });
      }
      case 'Derive': {
        const o = this.node(v, p, 'Derive', ['formula', 'id', 'label', 'note', 'type', 'unit']);
        if (!o) return undefined;
        const id = this.req(o, 'id', p, this.name);
        const formula = this.req(o, 'formula', p, this.expr);
        const type = this.opt(o, 'type', p, (x, q) => {
          const t = this.type(x, q);
          return t?.kind === 'Object' ? this.fail(q, 'expected', '`Scalar` or `Enum` node') : t;
        });
        if (!id || !formula) return undefined;
        return clean({ kind: 'Derive' as const, id, type, ...this.formulaTexts(o, p), formula, span });
      }
      case 'TotalFormula': {
        const o = this.node(v, p, 'TotalFormula', ['formula', 'label', 'note', 'type', 'unit']);
        if (!o) return undefined;
        const formula = this.req(o, 'formula', p, this.expr);
        const type = this.opt(o, 'type', p, (x, q) => {
          const t = this.type(x, q);
          return t && (t.kind !== 'Scalar' || t.name !== 'number') ? this.fail(q, 'expected', '`Scalar` node of `number`') : t;
        });
        if (!formula) return undefined;
        return clean({ kind: 'TotalFormula' as const, type, ...this.formulaTexts(o, p), formula, span });
      }
      case 'Dimension': {
        const o = this.node(v, p, 'Dimension', ['id', 'indicators', 'label', 'weight']);
        if (!o) return undefined;
        const id = this.req(o, 'id', p, this.name);
        const indicators = this.req(o, 'indicators', p, (x, q) => this.arr(x, q, this.indicator));
        if (!id || !indicators) return undefined;
        return clean({ kind: 'Dimension' as const, id, label: this.opt(o, 'label', p, this.text), weight: this.opt(o, 'weight', p, this.num), indicators, span });
      }
      case 'Prerequisite': {
        const o = this.node(v, p, 'Prerequisite', ['id', 'label', 'requires']);
        if (!o) return undefined;
        const id = this.req(o, 'id', p, this.name);
        const requires = this.req(o, 'requires', p, (x, q) => this.arr(x, q, this.expr));
        if (!id || !requires) return undefined;
        return clean({ kind: 'Prerequisite' as const, id, label: this.opt(o, 'label', p, this.text), requires, span });
      }
      case 'Veto': {
        const o = this.node(v, p, 'Veto', ['id', 'label', 'when']);
        if (!o) return undefined;
        const id = this.req(o, 'id', p, this.name);
        if (!id) return undefined;
        return clean({ kind: 'Veto' as const, id, label: this.opt(o, 'label', p, this.text), when: this.opt(o, 'when', p, this.expr), span });
      }
      case 'Levels': {
        const o = this.node(v, p, 'Levels', ['cumulative', 'fallback', 'levels']);
        if (!o) return undefined;
        const cumulative = this.req(o, 'cumulative', p, (x, q) => this.boolean(x, q));
        const levels = this.req(o, 'levels', p, (x, q) => this.arr(x, q, this.level));
        if (cumulative === undefined || !levels) return undefined;
        const fallback = this.opt(o, 'fallback', p, (x, q) => {
          const f = this.node(x, q, 'Fallback', ['id', 'label']);
          const id = f && this.req(f, 'id', q, this.name);
          return f && id ? clean({ kind: 'Fallback' as const, id, label: this.opt(f, 'label', q, this.text), span }) : undefined;
        });
        return clean({ kind: 'Levels' as const, cumulative, levels, fallback, span });
      }
      default:
        return this.fail(p, 'expected', 'declaration (`Method`, `Input`, `Derive`, `TotalFormula`, `Dimension`, `Prerequisite`, `Veto` or `Levels` node)');
    }
  };

  /** The label, unit and note of a `Derive` or `TotalFormula` node. */
  private formulaTexts(o: Readonly<Record<string, unknown>>, p: string): { label: A.Text | undefined; unit: A.Str | undefined; note: A.Str | undefined } {
    return { label: this.opt(o, 'label', p, this.text), unit: this.opt(o, 'unit', p, this.str), note: this.opt(o, 'note', p, this.str) };
  }

  level = (v: unknown, p: string): A.LevelDecl | undefined => {
    const o = this.node(v, p, 'Level', ['id', 'label', 'requires']);
    if (!o) return undefined;
    const id = this.req(o, 'id', p, this.name);
    const requires = this.req(o, 'requires', p, (x, q) => this.arr(x, q, this.expr));
    if (!id || !requires) return undefined;
    return clean({ kind: 'Level' as const, id, label: this.opt(o, 'label', p, this.text), requires, span });
  };

  indicator = (v: unknown, p: string): A.IndicatorDecl | undefined => {
    const o = this.node(v, p, 'Indicator', [
      'applies',
      'basis',
      'direction',
      'formerly',
      'id',
      'label',
      'methods',
      'required',
      'scoring',
      'type',
      'unit',
      'weight',
    ]);
    if (!o) return undefined;
    const id = this.req(o, 'id', p, this.name);
    if (!id) return undefined;
    const direction = this.opt(o, 'direction', p, (x, q) => {
      const d = this.obj(x, q, 'direction', ['value']);
      const value = d && this.req(d, 'value', q, (y, r) => this.oneOf(y, r, ['higher', 'lower'] as const));
      return value === undefined ? undefined : { value, span };
    });
    const methods = this.opt(o, 'methods', p, (x, q) => {
      const m = this.obj(x, q, 'methods', ['refs']);
      const refs = m && this.req(m, 'refs', q, (y, r) => this.arr(y, r, this.methodRef));
      return refs === undefined ? undefined : { refs, span };
    });
    return clean({
      kind: 'Indicator' as const,
      id,
      label: this.opt(o, 'label', p, this.text),
      weight: this.opt(o, 'weight', p, this.num),
      type: this.opt(o, 'type', p, this.type),
      unit: this.opt(o, 'unit', p, this.str),
      direction,
      methods,
      basis: this.opt(o, 'basis', p, this.str),
      applies: this.opt(o, 'applies', p, this.expr),
      formerly: this.opt(o, 'formerly', p, (x, q) => this.arr(x, q, this.name)),
      required: this.opt(o, 'required', p, (x, q) => this.flag(x, q)),
      scoring: this.opt(o, 'scoring', p, this.scoring),
      span,
    });
  };

  methodRef = (v: unknown, p: string): A.MethodRef | undefined => {
    const o = this.obj(v, p, 'method reference', ['method', 'note']);
    const method = o && this.req(o, 'method', p, this.name);
    return o && method ? clean({ method, note: this.opt(o, 'note', p, this.str), span }) : undefined;
  };

  type = (v: unknown, p: string): A.TypeExpr | undefined => {
    const kind = typeof v === 'object' && v !== null && !Array.isArray(v) ? get(v as Record<string, unknown>, 'kind') : undefined;
    return this.nested(() => {
      switch (kind) {
        case 'Scalar': {
          const o = this.node(v, p, 'Scalar', ['domain', 'name']);
          if (!o) return undefined;
          const name = this.req(o, 'name', p, (x, q) => this.oneOf(x, q, ['boolean', 'integer', 'number', 'percent'] as const));
          if (!name) return undefined;
          return clean({ kind: 'Scalar' as const, name, domain: this.opt(o, 'domain', p, this.domain), span });
        }
        case 'Enum': {
          const o = this.node(v, p, 'Enum', ['values']);
          const values = o && this.req(o, 'values', p, (x, q) => this.arr(x, q, this.name));
          return values ? { kind: 'Enum' as const, values, span } : undefined;
        }
        case 'Object': {
          const o = this.node(v, p, 'Object', ['fields']);
          const fields = o && this.req(o, 'fields', p, (x, q) => this.arr(x, q, this.field));
          return fields ? { kind: 'Object' as const, fields, span } : undefined;
        }
        default:
          return this.fail(p, 'expected', 'type (`Scalar`, `Enum` or `Object` node)');
      }
    }, p);
  };

  field = (v: unknown, p: string): A.ObjectField | undefined => {
    const o = this.obj(v, p, 'object field', ['name', 'type']);
    if (!o) return undefined;
    const name = this.req(o, 'name', p, this.name);
    const type = this.req(o, 'type', p, this.type);
    return name && type ? { name, type, span } : undefined;
  };

  domain = (v: unknown, p: string): A.Domain | undefined => {
    const kind = typeof v === 'object' && v !== null && !Array.isArray(v) ? get(v as Record<string, unknown>, 'kind') : undefined;
    if (kind === 'Bound') {
      const o = this.node(v, p, 'Bound', ['op', 'value']);
      if (!o) return undefined;
      const op = this.req(o, 'op', p, (x, q) => this.oneOf(x, q, ['>=', '>', '<=', '<'] as const));
      const value = this.req(o, 'value', p, this.num);
      return op && value ? { kind: 'Bound', op, value, span } : undefined;
    }
    if (kind === 'Range') {
      const o = this.node(v, p, 'Range', ['max', 'min']);
      if (!o) return undefined;
      const min = this.req(o, 'min', p, this.num);
      const max = this.req(o, 'max', p, this.num);
      return min && max ? { kind: 'Range', min, max, span } : undefined;
    }
    return this.fail(p, 'expected', 'domain (`Bound` or `Range` node)');
  };

  scoring = (v: unknown, p: string): A.Scoring | undefined => {
    const kind = typeof v === 'object' && v !== null && !Array.isArray(v) ? get(v as Record<string, unknown>, 'kind') : undefined;
    switch (kind) {
      case 'Bands': {
        const o = this.node(v, p, 'Bands', ['bands']);
        const bands = o && this.req(o, 'bands', p, (x, q) => this.arr(x, q, this.band));
        return bands ? { kind: 'Bands', bands, span } : undefined;
      }
      case 'Map': {
        const o = this.node(v, p, 'Map', ['entries']);
        const entries = o && this.req(o, 'entries', p, (x, q) => this.arr(x, q, this.mapEntry));
        return entries ? { kind: 'Map', entries, span } : undefined;
      }
      case 'Formula': {
        const o = this.node(v, p, 'Formula', ['expr']);
        const expr = o && this.req(o, 'expr', p, this.expr);
        return expr ? { kind: 'Formula', expr, span } : undefined;
      }
      default:
        return this.fail(p, 'expected', 'scoring (`Bands`, `Map` or `Formula` node)');
    }
  };

  band = (v: unknown, p: string): A.Band | undefined => {
    const o = this.obj(v, p, 'band', ['cond', 'points']);
    if (!o) return undefined;
    const cond = this.req(o, 'cond', p, this.bandCond);
    const points = this.req(o, 'points', p, this.points);
    return cond && points ? { cond, points, span } : undefined;
  };

  bandCond = (v: unknown, p: string): A.BandCond | undefined => {
    const kind = typeof v === 'object' && v !== null && !Array.isArray(v) ? get(v as Record<string, unknown>, 'kind') : undefined;
    switch (kind) {
      case 'Else':
        return this.node(v, p, 'Else', []) ? { kind: 'Else', span } : undefined;
      case 'Compare': {
        const o = this.node(v, p, 'Compare', ['bound', 'op']);
        if (!o) return undefined;
        const op = this.req(o, 'op', p, (x, q) => this.oneOf(x, q, COMPARE_OPS));
        const bound = this.req(o, 'bound', p, this.expr);
        return op && bound ? { kind: 'Compare', op, bound, span } : undefined;
      }
      case 'Cond': {
        const o = this.node(v, p, 'Cond', ['expr']);
        const expr = o && this.req(o, 'expr', p, this.expr);
        return expr ? { kind: 'Cond', expr, span } : undefined;
      }
      default:
        return this.fail(p, 'expected', 'band condition (`Compare`, `Cond` or `Else` node)');
    }
  };

  mapEntry = (v: unknown, p: string): A.MapEntry | undefined => {
    const o = this.obj(v, p, 'map entry', ['key', 'points']);
    if (!o) return undefined;
    const key = this.req(o, 'key', p, (x, q): A.MapEntry['key'] | undefined => {
      const kind = typeof x === 'object' && x !== null ? get(x as Record<string, unknown>, 'kind') : undefined;
      if (kind === 'Else') return this.node(x, q, 'Else', []) ? { kind: 'Else', span } : undefined;
      return this.name(x, q);
    });
    const points = this.req(o, 'points', p, this.points);
    return key && points ? { key, points, span } : undefined;
  };

  points = (v: unknown, p: string): A.Points | undefined => {
    const o = this.obj(v, p, 'points', ['otherwise', 'value', 'when']);
    if (!o) return undefined;
    const value = this.req(o, 'value', p, this.expr);
    if (!value) return undefined;
    return clean({ value, when: this.opt(o, 'when', p, this.expr), otherwise: this.opt(o, 'otherwise', p, this.expr), span });
  };

  private nested<T>(f: () => T | undefined, p: string): T | undefined {
    if (this.depth >= MAX_DEPTH) return this.fail(p, 'expected', `nesting of at most ${MAX_DEPTH} levels`);
    this.depth++;
    try {
      return f();
    } finally {
      this.depth--;
    }
  }

  expr = (v: unknown, p: string): A.Expr | undefined => this.nested(() => this.exprInner(v, p), p);

  private exprInner(v: unknown, p: string): A.Expr | undefined {
    const kind = typeof v === 'object' && v !== null && !Array.isArray(v) ? get(v as Record<string, unknown>, 'kind') : undefined;
    switch (kind) {
      case 'Num':
        return this.num(v, p);
      case 'Percent': {
        const o = this.node(v, p, 'Percent', ['text']);
        const text = o && this.req(o, 'text', p, (x, q) => this.matching(x, q, DECIMAL, 'decimal text'));
        return text === undefined ? undefined : { kind: 'Percent', text, span };
      }
      case 'Bool': {
        const o = this.node(v, p, 'Bool', ['value']);
        const value = o && this.req(o, 'value', p, (x, q) => this.boolean(x, q));
        return value === undefined ? undefined : { kind: 'Bool', value, span };
      }
      case 'Ref': {
        const o = this.node(v, p, 'Ref', ['path']);
        const path = o && this.req(o, 'path', p, (x, q) => this.arr(x, q, this.name));
        if (path && path.length === 0) return this.fail(`${p}/path`, 'expected', 'non-empty array');
        return path ? { kind: 'Ref', path, span } : undefined;
      }
      case 'Total':
        return this.node(v, p, 'Total', []) ? { kind: 'Total', span } : undefined;
      case 'Prop': {
        const o = this.node(v, p, 'Prop', ['of', 'prop']);
        if (!o) return undefined;
        const prop = this.req(o, 'prop', p, (x, q) => this.oneOf(x, q, PROPS));
        if (!prop) return undefined;
        return clean({ kind: 'Prop' as const, prop, of: this.opt(o, 'of', p, this.name), span });
      }
      case 'Call': {
        const o = this.node(v, p, 'Call', ['args', 'fn', 'mode']);
        if (!o) return undefined;
        const fn = this.req(o, 'fn', p, (x, q) => this.oneOf(x, q, CALL_FNS));
        const args = this.req(o, 'args', p, (x, q) => this.arr(x, q, this.expr));
        const mode = this.opt(o, 'mode', p, (x, q) => {
          const m = this.node(x, q, 'Mode', ['name']);
          const name = m && this.req(m, 'name', q, (y, r) => this.oneOf(y, r, ROUNDING_MODES));
          return name === undefined ? undefined : ({ kind: 'Mode', name, span } as const);
        });
        if (mode && fn !== 'round') return this.fail(`${p}/mode`, 'unknown-key', 'mode (only `round` has one)');
        return fn && args ? clean({ kind: 'Call' as const, fn, args, mode, span }) : undefined;
      }
      case 'Unary': {
        const o = this.node(v, p, 'Unary', ['op', 'operand']);
        if (!o) return undefined;
        const op = this.req(o, 'op', p, (x, q) => this.oneOf(x, q, ['-', 'not'] as const));
        const operand = this.req(o, 'operand', p, this.expr);
        return op && operand ? { kind: 'Unary', op, operand, span } : undefined;
      }
      case 'Binary': {
        const o = this.node(v, p, 'Binary', ['left', 'op', 'right']);
        if (!o) return undefined;
        const op = this.req(o, 'op', p, (x, q) => this.oneOf(x, q, ['+', '-', '*', '/', '^', 'and', 'or'] as const));
        const left = this.req(o, 'left', p, this.expr);
        const right = this.req(o, 'right', p, this.expr);
        return op && left && right ? { kind: 'Binary', op, left, right, span } : undefined;
      }
      case 'Compare': {
        const o = this.node(v, p, 'Compare', ['left', 'op', 'right']);
        if (!o) return undefined;
        const op = this.req(o, 'op', p, (x, q) => this.oneOf(x, q, COMPARE_OPS));
        const left = this.req(o, 'left', p, this.expr);
        const right = this.req(o, 'right', p, this.expr);
        return op && left && right ? { kind: 'Compare', op, left, right, span } : undefined;
      }
      case 'In': {
        const o = this.node(v, p, 'In', ['negated', 'operand', 'set']);
        if (!o) return undefined;
        const negated = this.req(o, 'negated', p, (x, q) => this.boolean(x, q));
        const operand = this.req(o, 'operand', p, this.expr);
        const set = this.req(o, 'set', p, (x, q) => this.arr(x, q, this.expr));
        return all(negated, operand, set) ? { kind: 'In', negated: negated as boolean, operand: operand as A.Expr, set: set as A.Expr[], span } : undefined;
      }
      case 'If': {
        const o = this.node(v, p, 'If', ['cond', 'otherwise', 'then']);
        if (!o) return undefined;
        const cond = this.req(o, 'cond', p, this.expr);
        const then = this.req(o, 'then', p, this.expr);
        const otherwise = this.req(o, 'otherwise', p, this.expr);
        return cond && then && otherwise ? { kind: 'If', cond, then, otherwise, span } : undefined;
      }
      case 'Quantified': {
        const o = this.node(v, p, 'Quantified', ['body', 'domain', 'quantifier', 'within']);
        if (!o) return undefined;
        const quantifier = this.req(o, 'quantifier', p, (x, q) => this.oneOf(x, q, ['every', 'some'] as const));
        const domain = this.req(o, 'domain', p, (x, q) => this.oneOf(x, q, ['dimension', 'indicator', 'veto', 'prerequisite'] as const));
        const body = this.req(o, 'body', p, this.expr);
        if (!quantifier || !domain || !body) return undefined;
        return clean({ kind: 'Quantified' as const, quantifier, domain, within: this.opt(o, 'within', p, this.name), body, span });
      }
      case 'Table': {
        const o = this.node(v, p, 'Table', ['entries', 'keys']);
        if (!o) return undefined;
        const keys = this.req(o, 'keys', p, (x, q) => this.arr(x, q, this.expr));
        const entries = this.req(o, 'entries', p, (x, q) => this.arr(x, q, this.tableEntry));
        if (!keys || !entries) return undefined;
        const refs = keys.filter((k): k is A.RefExpr => k.kind === 'Ref');
        if (refs.length !== keys.length || keys.length < 1 || keys.length > 2) return this.fail(`${p}/keys`, 'expected', 'one or two `Ref` nodes');
        return { kind: 'Table', keys: refs, entries, span };
      }
      default:
        return this.fail(p, 'expected', 'expression node');
    }
  }

  tableEntry = (v: unknown, p: string): A.TableEntry | undefined => {
    const o = this.obj(v, p, 'table entry', ['key', 'value']);
    if (!o) return undefined;
    const key = this.req(o, 'key', p, (x, q): A.TableEntry['key'] | undefined => {
      if (Array.isArray(x)) return this.arr(x, q, this.name);
      return this.node(x, q, 'Else', []) ? { kind: 'Else', span } : undefined;
    });
    const value = this.req(o, 'value', p, this.expr);
    return key && value ? { key, value, span } : undefined;
  };
}

const COMPARE_OPS = ['=', '!=', '<', '<=', '>', '>='] as const;
const CALL_FNS = ['min', 'max', 'abs', 'known', 'ceil', 'floor', 'round'] as const satisfies readonly A.CallFn[];
const ROUNDING_MODES = ['half_up', 'half_even', 'half_down'] as const satisfies readonly A.RoundingModeName[];
const PROPS = ['score', 'share', 'weight', 'points', 'value', 'fired', 'decided', 'holds'] as const;

/** Decodes the canonical JSON form of a ruleset (see schemas/ruleset.schema.json) into an AST. */
export function rulesetFromCanonical(data: unknown): ImportResult<A.Ruleset> {
  const d = new RulesetDecoder();
  let ast: A.Ruleset | undefined;
  try {
    ast = d.ruleset(data, '');
  } catch (e) {
    if (!(e instanceof Stop)) throw e;
  }
  if (ast && d.issues.length === 0) return { ok: true, value: ast };
  return { ok: false, issues: d.issues.length > 0 ? d.issues : [{ path: '', problem: 'expected', detail: '`Ruleset` node' }] };
}

/** Decodes the canonical JSON form of one expression. */
export function exprFromCanonical(data: unknown): ImportResult<A.Expr> {
  const d = new RulesetDecoder();
  let e: A.Expr | undefined;
  try {
    e = d.expr(data, '');
  } catch (err) {
    if (!(err instanceof Stop)) throw err;
  }
  if (e && d.issues.length === 0) return { ok: true, value: e };
  return { ok: false, issues: d.issues.length > 0 ? d.issues : [{ path: '', problem: 'expected', detail: 'expression node' }] };
}
