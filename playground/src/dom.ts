// A tiny DOM builder for the playground's panels (no framework).
// In: tag, attributes, children. Out: elements; text is always set as text, never parsed as HTML.

import { type Rational, fromJsonNumber, totalText } from '../../engine/index';

export type Child = Node | string | number | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string | number | boolean | EventListener | undefined>> = {},
  ...children: readonly (Child | readonly Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, ''), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  append(el, children);
  return el;
}

export function append(el: Element, children: readonly (Child | readonly Child[])[]): void {
  for (const c of children.flat()) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
  }
}

export function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attrs: Readonly<Record<string, string | number>> = {},
  ...children: readonly (SVGElement | string)[]
): SVGElementTagNameMap[K] {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  for (const c of children) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing element #${id}`);
  return el as T;
}

/**
 * A number of a result's JSON shown as `as` (engine/present/numbers.ts) shows its quantity, from the exact decimal
 * the JSON holds, so the panel prints what `assay` prints; `—` when there is none.
 */
export function fmt(n: number | null | undefined, as: (q: Rational) => string): string {
  const q = fromJsonNumber(n);
  return q === undefined ? '—' : as(q);
}

/** A platform's total as shown: none (`—`) for invalid evidence, whose 0 is no score; else `fmt` with `totalText`. */
export function totalShown(r: { readonly outcome: string; readonly total: number }): string {
  return r.outcome === 'invalid' ? '—' : fmt(r.total, totalText);
}

/** Offers `data` as a file named `name` (text or bytes, e.g. a .docx), through a temporary object URL. */
export function download(name: string, data: string | Uint8Array, type: string): void {
  const url = URL.createObjectURL(new Blob([typeof data === 'string' ? data : new Uint8Array(data)], { type }));
  const a = h('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
