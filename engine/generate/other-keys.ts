// The keys of an evidence object besides those a generated module reads, for one attached ruleset. In: the model,
// the former ids the generated code reads itself, then per platform the evidence and how many keys the generated
// code found. Out: whether every other key only warns (E120) — then the keys and their rendered warnings — or the
// plan must decide.

import type { EvidenceIssue } from '../evaluate/result';
import { fieldHint } from '../evidence/intake';
import type { Lang } from '../../dsl/ast';
import type { Model } from '../model/model';
import { sharedIssue } from '../plan/runtime';

const hasOwn = Object.prototype.hasOwnProperty;
/** How a key is read: a field or a former id the generated code reads, a key that only warns, or one for the plan. */
const K_READ = 0;
const K_WARN = 1;
const K_PLAN = 2;
/** How many places of an evidence object's keys are remembered (most platforms of a corpus share their keys). */
const PLACES = 256;
/** How many lists of warnings are remembered (a corpus has few combinations of unknown keys). */
const LISTS = 16;

export interface OtherKeys {
  /**
   * Called after the generated code returned non-zero (the evidence has no inherited enumerable key). True when each
   * key besides those read is an unknown key that only warns (E120: not a former id, not like a field's name, as the
   * plan's reader decides) and the reads saw exactly the own enumerable field keys (`found`); those keys are then
   * counted in `count`. False: the plan decides.
   */
  read(evidence: object, found: number): boolean;
  /** How many unknown keys the last `read` found. */
  readonly count: number;
  /** The warnings of the unknown keys of the last `read`, in key order: one frozen list per combination and language. */
  warnings(lang: Lang): readonly EvidenceIssue[];
}

interface Rendered {
  readonly lang: Lang;
  readonly keys: readonly string[];
  readonly list: readonly EvidenceIssue[];
}

export function otherKeysOf(m: Model, formers: ReadonlySet<string>): OtherKeys {
  const unknown: string[] = [];
  let count = 0;
  const keyAt: (string | undefined)[] = new Array<string | undefined>(PLACES).fill(undefined);
  const kindAt = new Uint8Array(PLACES);
  const kindOf = (key: string): number =>
    m.fields.has(key) || formers.has(key) ? K_READ : m.formerIds.has(key) || fieldHint(m, key) !== undefined ? K_PLAN : K_WARN;
  const issues = new Map<string, EvidenceIssue>();
  const issueOf = (key: string, lang: Lang): EvidenceIssue => {
    const k = `${lang}\u0000${key}`;
    let issue = issues.get(k);
    if (issue === undefined) {
      if (issues.size >= 4096) issues.clear();
      issue = sharedIssue('E120', key, { field: key }, lang);
      issues.set(k, issue);
    }
    return issue;
  };
  // Most recently used first.
  const rendered: Rendered[] = [];
  const sameAsLast = (r: Rendered, lang: Lang): boolean => {
    if (r.lang !== lang || r.keys.length !== count) return false;
    for (let k = 0; k < count; k++) if (r.keys[k] !== unknown[k]) return false;
    return true;
  };
  return {
    get count() {
      return count;
    },
    read(evidence, found) {
      count = 0;
      let known = 0;
      // The generated code has seen every key `for…in` gives to be own: no `hasOwnProperty` call per field key (it
      // cost an eighth of `decide`), and no array of the keys (`Object.keys`: garbage).
      let place = -1;
      for (const key in evidence) {
        place++;
        let kind: number;
        if (place < PLACES && keyAt[place] === key) kind = kindAt[place] as number;
        else {
          kind = kindOf(key);
          if (place < PLACES) {
            keyAt[place] = key;
            kindAt[place] = kind;
          }
        }
        if (kind === K_READ) {
          known++;
          continue;
        }
        // (Own as the generated code saw it, unless a getter it ran changed that: then the plan decides.)
        if (!hasOwn.call(evidence, key)) return false;
        const x = (evidence as Record<string, unknown>)[key];
        // A key without a value is not read at all (no warning), as by the plan's reader.
        if (x === null || x === undefined) continue;
        if (kind === K_PLAN) return false;
        unknown[count++] = key;
      }
      return known === found;
    },
    warnings(lang) {
      for (let k = 0; k < rendered.length; k++) {
        const r = rendered[k] as Rendered;
        if (sameAsLast(r, lang)) {
          for (let j = k; j > 0; j--) rendered[j] = rendered[j - 1] as Rendered;
          rendered[0] = r;
          return r.list;
        }
      }
      const keys = unknown.slice(0, count);
      const r: Rendered = { lang, keys, list: Object.freeze(keys.map((key) => issueOf(key, lang))) };
      rendered.unshift(r);
      if (rendered.length > LISTS) rendered.pop();
      return r.list;
    },
  };
}
