// The corpora bundled with the playground (loaded on demand, as one chunk): the synthetic platforms `assay impact`
// is run on, `rulesets/<id>/corpus/*`. In: nothing. Out: each ruleset id's corpus files as text.

import type { CorpusFile } from './distribution-protocol';

const files = import.meta.glob('../../rulesets/*/corpus/*.{yaml,yml,json,ndjson,jsonl,csv}', { query: '?raw', import: 'default', eager: true });

export const BUNDLED_CORPORA: ReadonlyMap<string, readonly CorpusFile[]> = (() => {
  const out = new Map<string, CorpusFile[]>();
  for (const [path, text] of Object.entries(files).sort(([a], [b]) => a.localeCompare(b))) {
    const m = /rulesets\/([^/]+)\/corpus\/([^/]+)$/.exec(path);
    if (!m) continue;
    const id = m[1] ?? '';
    const list = out.get(id) ?? [];
    list.push({ name: `${id}/corpus/${m[2] ?? ''}`, text: String(text) });
    out.set(id, list);
  }
  return out;
})();
