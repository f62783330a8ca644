// The corpus's level distribution under two texts of a ruleset, and the causes of the platforms that cross.
// In: the corpus (platform documents) and the before/after texts. Out: for each platform its standing's index
// under each text (typed arrays), the invalid records' evidence messages, and, for chosen platforms, the diff entries
// that move them (the engine's impact). The fast decision path (`decide`, no messages) does the counting; the
// before side is kept while its text and the corpus stay the same.

import type { Lang } from '../../../dsl/index';
import { impact as engineImpact, standing, standingsOf } from '../../../engine/index';
import { NO_STANDING, type Causes, type Distribution, type RecordError } from '../distribution-protocol';
import { compile, type CompiledRuleset, type PlatformDoc } from './engine-bridge';
import { entryLine } from './features';

/** Invalid records listed with the engine's messages (the count says how many there are in all). */
const MAX_INVALID = 200;

interface Side {
  readonly text: string;
  readonly ruleset: CompiledRuleset | undefined;
  /** Standing of each platform (by corpus index), computed when first asked. */
  standings?: readonly string[];
}

export class CorpusEvaluator {
  private platforms: readonly PlatformDoc[] = [];
  private files: readonly string[] = [];
  private sides: Side[] = [];

  /** A new corpus: everything computed for the old one is dropped. `files` names each platform's file. */
  setCorpus(platforms: readonly PlatformDoc[], files: readonly string[]): void {
    this.platforms = platforms;
    this.files = files;
    this.sides = [];
  }

  /** The compiled text, reused for the newest two texts (before and after). */
  private side(text: string): Side {
    const hit = this.sides.find((s) => s.text === text);
    if (hit) return hit;
    const s: Side = { text, ruleset: compile(text, 'corpus.assay').ruleset };
    this.sides = [s, ...this.sides].slice(0, 3);
    return s;
  }

  private standingsOf(s: Side): readonly string[] {
    if (s.standings) return s.standings;
    const r = s.ruleset;
    const out = r ? this.platforms.map((p) => standing(r.decide(p, { messages: false }))) : [];
    s.standings = out;
    return out;
  }

  distribution(seq: number, beforeText: string, afterText: string, lang: Lang): { result: Distribution; transfer: ArrayBuffer[] } {
    const t0 = performance.now();
    const b = this.side(beforeText);
    const a = this.side(afterText);
    const failed: ('before' | 'after')[] = [];
    if (!b.ruleset) failed.push('before');
    if (!a.ruleset) failed.push('after');
    const order = b.ruleset && a.ruleset ? standingsOf(b.ruleset, a.ruleset) : a.ruleset ? standingsOf(a.ruleset, a.ruleset) : b.ruleset ? standingsOf(b.ruleset, b.ruleset) : [];
    const index = new Map(order.map((s, i) => [s, i]));
    const encode = (s: Side): Uint16Array => {
      const out = new Uint16Array(this.platforms.length).fill(NO_STANDING);
      if (!s.ruleset) return out;
      this.standingsOf(s).forEach((x, i) => (out[i] = index.get(x) ?? NO_STANDING));
      return out;
    };
    const before = encode(b);
    const after = encode(a);
    // The engine's words for invalid evidence (the fast path counted them without describing them).
    const invalid: RecordError[] = [];
    let invalidCount = 0;
    const inv = index.get('invalid');
    if (a.ruleset && inv !== undefined) {
      for (let i = 0; i < after.length; i++) {
        if (after[i] !== inv) continue;
        invalidCount++;
        if (invalid.length >= MAX_INVALID) continue;
        const p = this.platforms[i] as PlatformDoc;
        const d = a.ruleset.decide(p, { lang });
        for (const e of d.errors) {
          invalid.push({ file: this.files[i] ?? '', platform: p.platform, field: e.field, problem: { kind: 'evidence', code: e.code, message: e.message } });
        }
      }
    }
    const result: Distribution = { seq, failed, standings: order, before, after, invalid, invalidCount, ms: performance.now() - t0 };
    return { result, transfer: [before.buffer as ArrayBuffer, after.buffer as ArrayBuffer] };
  }

  /** The diff entries that move each chosen platform (the engine's impact attribution). */
  causes(seq: number, beforeText: string, afterText: string, lang: Lang, indices: readonly number[]): Causes {
    const b = this.side(beforeText).ruleset;
    const a = this.side(afterText).ruleset;
    if (!a || !b) return { seq, rows: [] };
    const chosen = indices.filter((i) => i >= 0 && i < this.platforms.length);
    // Platforms are matched to the impact's rows by position: ids in a user's corpus need not be unique.
    const docs = chosen.map((i, k) => ({ ...(this.platforms[i] as PlatformDoc), platform: `${k}` }));
    const im = engineImpact(b, a, docs);
    const rows = im.changed
      .filter((c) => !c.scoreOnly)
      .map((c) => ({ index: chosen[Number(c.platform)] ?? -1, causes: c.causeIds.map((id) => entryLine(im.entries, id, lang)), interaction: c.interaction }));
    return { seq, rows };
  }
}
