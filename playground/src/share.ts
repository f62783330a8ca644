// Share links of the playground's work. In: the work to keep (ruleset text, user platforms, compare choices, the
// selected platform) and the bundled rulesets. Out: a URL hash (`#s=` + base64url of deflate-raw JSON) and back,
// inflated under a byte budget. A text that is a bundled ruleset, or a few line edits away from one, travels as the
// ruleset's ref (and those edits), not verbatim: the bundled 1.0 unchanged is a link of a few dozen characters.

import type { Lang } from '../../dsl/index';
import type { PlatformInput } from './protocol';
import { applyLineEdits, lineEdits, type LineEdit } from './share-diff';

export interface Work {
  readonly text: string;
  readonly fileName: string;
  readonly platforms: readonly PlatformInput[];
  readonly compareBase: string;
  readonly compareHead: string;
  readonly lang?: Lang;
  /** The platform selected (its page key, `sample:…` or `user:…`). */
  readonly selected?: string;
}

/** A ruleset bundled with the playground (what a link may refer to instead of carrying its text). */
export interface BundledText {
  readonly ref: string;
  readonly text: string;
}

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/');
  const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

/**
 * Most bytes a share link may inflate to: 8 MiB, six times the generated 5,000-indicator ruleset (1.2 MB).
 * A 408 KB link once inflated to 300 MB and crashed the tab.
 */
export const MAX_SHARE_BYTES = 8 * 1024 * 1024;

/** A share link whose content inflates past the budget (stopped while inflating). */
export class ShareTooLarge extends Error {
  constructor(readonly limit: number) {
    super(`a share link may inflate to ${limit} bytes at most`);
  }
}

/** Compressed bytes fed to the inflater at a time: deflate expands 1 KiB by at most about 1 MiB. */
const FEED = 1024;

/**
 * Inflates deflate-raw `bytes`, stopping as soon as the output passes `limit` bytes. The input goes in small
 * pieces and each is written only when the output so far has been read, so memory stays near the limit.
 */
export async function inflateCapped(bytes: Uint8Array<ArrayBuffer>, limit: number): Promise<Uint8Array> {
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  let stopped = false;
  const feeding = (async () => {
    for (let i = 0; i < bytes.length && !stopped; i += FEED) await writer.write(bytes.subarray(i, i + FEED));
    if (!stopped) await writer.close();
  })();
  // A broken stream rejects both sides: the reader's error is the one reported.
  feeding.catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      stopped = true;
      await reader.cancel().catch(() => undefined);
      await writer.abort().catch(() => undefined);
      throw new ShareTooLarge(limit);
    }
    chunks.push(value);
  }
  await feeding;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

function isPlatform(x: unknown): x is PlatformInput {
  if (typeof x !== 'object' || x === null) return false;
  const p = x as Record<string, unknown>;
  return (
    typeof p['key'] === 'string' &&
    typeof p['platform'] === 'string' &&
    (p['source'] === 'user' || p['source'] === 'sample') &&
    typeof p['evidence'] === 'object' &&
    p['evidence'] !== null &&
    !Array.isArray(p['evidence']) &&
    (p['name'] === undefined || typeof p['name'] === 'string')
  );
}

/** Checks a decoded value field by field; anything unexpected makes the whole thing unreadable. */
export function readWork(x: unknown): Work | undefined {
  if (typeof x !== 'object' || x === null) return undefined;
  const w = x as Record<string, unknown>;
  const platforms = w['platforms'];
  if (typeof w['text'] !== 'string' || !Array.isArray(platforms) || !platforms.every(isPlatform)) return undefined;
  const lang = w['lang'];
  return {
    text: w['text'],
    fileName: typeof w['fileName'] === 'string' ? w['fileName'] : 'shared.assay',
    platforms,
    compareBase: typeof w['compareBase'] === 'string' ? w['compareBase'] : '',
    compareHead: typeof w['compareHead'] === 'string' ? w['compareHead'] : 'editor',
    ...(lang === 'en' || lang === 'zh-Hans' || lang === 'zh-Hant' ? { lang } : {}),
    ...(typeof w['selected'] === 'string' ? { selected: w['selected'] } : {}),
  };
}

/** How a link holds the text: a bundled ruleset's `ref`, and the line edits that turn it into the text. */
type TextRef = { readonly ref: string; readonly edits?: readonly LineEdit[] };

/** The shortest way to say `text`: a bundled ruleset it equals, or is a few line edits away from; else undefined. */
export function textRef(text: string, bundled: readonly BundledText[]): TextRef | undefined {
  let best: TextRef | undefined;
  let cost = text.length;
  for (const b of bundled) {
    if (b.text === text) return { ref: b.ref };
    const edits = lineEdits(b.text, text);
    if (!edits) continue;
    // Worth it only when the ref and the edits are shorter than the text itself.
    const size = b.ref.length + JSON.stringify(edits).length;
    if (size < cost) {
      cost = size;
      best = { ref: b.ref, edits };
    }
  }
  return best;
}

/** The text a `TextRef` stands for; undefined when the ref is not bundled here or the edits do not fit it. */
function fromRef(x: Record<string, unknown>, bundled: readonly BundledText[]): string | undefined {
  const base = bundled.find((b) => b.ref === x['ref'])?.text;
  if (base === undefined) return undefined;
  return x['edits'] === undefined ? base : applyLineEdits(base, x['edits']);
}

/** The link's hash for `work`: its text by reference to a bundled ruleset when that is shorter. */
export async function encodeShare(work: Work, bundled: readonly BundledText[] = []): Promise<string> {
  const ref = textRef(work.text, bundled);
  const { text, ...rest } = work;
  const json = new TextEncoder().encode(JSON.stringify(ref ? { ...rest, ...ref } : { text, ...rest }));
  return 's=' + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/**
 * Decodes a location hash (`#s=…`); undefined when there is none, throws when it is broken and
 * `ShareTooLarge` when it inflates past `limit` bytes.
 */
export async function decodeShare(hash: string, limit = MAX_SHARE_BYTES, bundled: readonly BundledText[] = []): Promise<Work | undefined> {
  const m = /^#?s=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m?.[1]) return undefined;
  const bytes = await inflateCapped(fromBase64Url(m[1]), limit);
  const raw: unknown = JSON.parse(new TextDecoder().decode(bytes));
  // A text by reference: put the bundled text back (a ref this playground does not bundle makes the link unreadable).
  const x = typeof raw === 'object' && raw !== null && !Object.hasOwn(raw, 'text') && Object.hasOwn(raw, 'ref') ? (raw as Record<string, unknown>) : undefined;
  const text = x ? fromRef(x, bundled) : undefined;
  if (x && text === undefined) throw new Error('unknown bundled ruleset');
  const work = readWork(x ? { ...x, text } : raw);
  if (!work) throw new Error('unexpected content');
  return work;
}
