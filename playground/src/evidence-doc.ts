// One platform document (the shape `assay eval` reads: `platform`, `name`, `evidence`) → a platform input.
// In: parsed YAML/JSON (or its text). Out: a `PlatformInput`; throws with a readable (English, technical) message.
// Used by the page (bundled samples, opened evidence files) and by the corpus worker (a folder of documents).

import { parse as parseYaml } from 'yaml';
import type { PlatformInput } from './protocol';

/** A parsed document → a platform; `fallbackName` names a document without a `platform` string. */
export function platformOf(doc: unknown, key: string, source: 'sample' | 'user', fallbackName: string): PlatformInput {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('expected a mapping at the top');
  const platform = Object.hasOwn(doc, 'platform') ? (doc as { platform: unknown }).platform : undefined;
  const name = Object.hasOwn(doc, 'name') ? (doc as { name: unknown }).name : undefined;
  const evidence = Object.hasOwn(doc, 'evidence') ? (doc as { evidence: unknown }).evidence : undefined;
  if (typeof evidence !== 'object' || evidence === null || Array.isArray(evidence)) {
    throw new Error('expected an `evidence` mapping');
  }
  return {
    key,
    source,
    platform: typeof platform === 'string' && platform !== '' ? platform : fallbackName,
    ...(typeof name === 'string' ? { name } : {}),
    evidence: evidence as Record<string, unknown>,
  };
}

/** Reads one evidence document (YAML 1.2 or JSON) into a platform; throws with a readable message. */
export function readEvidence(text: string, key: string, source: 'sample' | 'user', fallbackName: string): PlatformInput {
  return platformOf(parseYaml(text, { schema: 'core', uniqueKeys: true }), key, source, fallbackName);
}
