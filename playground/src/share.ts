// Share links and local persistence of the playground's work.
// In: the work to keep (ruleset text, user platforms, compare choices). Out: a URL hash
// (`#s=` + base64url of deflate-raw JSON) or a localStorage entry, and back; bad input gives `undefined`.

import type { Lang } from '../../dsl/ast';
import type { PlatformInput } from './protocol';

export interface Work {
  readonly text: string;
  readonly fileName: string;
  readonly platforms: readonly PlatformInput[];
  readonly compareBase: string;
  readonly compareHead: string;
  readonly lang?: Lang;
}

const STORAGE_KEY = 'assay-playground:v1';

function toBase64Url(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
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

/** Decodes a location hash (`#s=…`); undefined when there is none, throws when it is broken. */
export async function decodeShare(hash: string): Promise<Work | undefined> {
  const m = /^#?s=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m?.[1]) return undefined;
  const bytes = await pipe(fromBase64Url(m[1]), new DecompressionStream('deflate-raw'));
  const work = readWork(JSON.parse(new TextDecoder().decode(bytes)));
  if (!work) throw new Error('unexpected content');
  return work;
}

export function saveLocal(work: Work): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(work));
  } catch {
    // Storage full or disabled (private mode): the work stays in the page.
  }
}

export function loadLocal(): Work | undefined {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw === null ? undefined : readWork(JSON.parse(raw));
  } catch {
    return undefined;
  }
}
