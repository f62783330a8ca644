// Where each evidence field is written in its file, so a report can cite it (file, field, line).
// In: the text of a YAML or JSON evidence file. Out: per platform id, the line (1-based) of each evidence key.
// Reads the text again with positions; the evidence reader (engine/evidence/read.ts) keeps values only. Never throws.

import { readPlainYaml } from '../evidence/yaml-plain';
import { isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode } from 'yaml';

/** Platform id → evidence field → line of its key. Platforms or fields that cannot be located are absent. */
export function evidenceLines(text: string): Map<string, Map<string, number>> {
  const out = new Map<string, Map<string, number>>();
  // Plain block YAML (one platform a file, as most evidence files are): the lines its own reader noted.
  const plain = readPlainYaml(text);
  if (plain !== undefined) {
    const id = plain.value['platform'];
    const evidence = plain.value['evidence'];
    const lines = typeof evidence === 'object' && evidence !== null ? plain.keyLines.get(evidence) : undefined;
    if ((id === null || (typeof id !== 'object' && id !== undefined)) && lines) out.set(String(id), lines);
    return out;
  }
  const lc = new LineCounter();
  let docs;
  try {
    docs = parseAllDocuments(text, { lineCounter: lc });
  } catch {
    return out;
  }
  const platform = (node: unknown): void => {
    if (!isMap(node)) return;
    let id: string | undefined;
    let evidence: YamlNode | undefined;
    for (const pair of node.items) {
      const k = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (k === 'platform' && isScalar(pair.value)) id = String(pair.value.value);
      if (k === 'evidence') evidence = pair.value as YamlNode | undefined;
    }
    if (id === undefined || !isMap(evidence)) return;
    const lines = new Map<string, number>();
    for (const pair of evidence.items) {
      if (isScalar(pair.key) && pair.key.range) lines.set(String(pair.key.value), lc.linePos(pair.key.range[0]).line);
    }
    if (!out.has(id)) out.set(id, lines);
  };
  for (const doc of Array.isArray(docs) ? docs : [docs]) {
    const c = doc.contents;
    if (isSeq(c)) for (const item of c.items) platform(item);
    else platform(c);
  }
  return out;
}
