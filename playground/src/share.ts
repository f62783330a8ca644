// Share links of the playground's work. In: the work to keep (ruleset text, user platforms, compare
// choices). Out: a URL hash (`#s=` + base64url of deflate-raw JSON) and back, inflated under a byte budget.

import type { Lang } from '../../dsl/index';
import type { PlatformInput } from './protocol';

export interface Work {
  readonly text: string;
  readonly fileName: string;
  readonly platforms: readonly PlatformInput[];
  readonly compareBase: string;
  readonly compareHead: string;
  readonly lang?: Lang;
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
  };
}

export async function encodeShare(work: Work): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify(work));
  return 's=' + toBase64Url(await pipe(json, new CompressionStream('deflate-raw')));
}

/**
 * Decodes a location hash (`#s=…`); undefined when there is none, throws when it is broken and
 * `ShareTooLarge` when it inflates past `limit` bytes.
 */
export async function decodeShare(hash: string, limit = MAX_SHARE_BYTES): Promise<Work | undefined> {
  const m = /^#?s=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m?.[1]) return undefined;
  const bytes = await inflateCapped(fromBase64Url(m[1]), limit);
  const work = readWork(JSON.parse(new TextDecoder().decode(bytes)));
  if (!work) throw new Error('unexpected content');
  return work;
}
