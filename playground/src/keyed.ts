// Keyed redraw of a list of elements: an element is kept while what it shows (its signature) is unchanged, so a
// keystroke in a ruleset of 2,000 indicators touches the DOM of the few rows it changed, not of every row.
// In: a parent element, the items to show, their keys, signatures and a maker. Out: the parent's children, in order.

interface Drawn<T> {
  readonly el: HTMLElement;
  readonly sig: string;
  item: T;
}

const drawnOf = new WeakMap<HTMLElement, Map<string, Drawn<unknown>>>();

/**
 * Makes `parent`'s children the elements of `items`, in order. An element drawn before under the same key with the
 * same signature is kept (and moved if needed); others are made by `make`. `make` receives a getter of the item the
 * element shows now: a kept element's handlers must read it (spans move as the text is edited, the row stays).
 * Children of `parent` not drawn by this function are removed. Keys must be unique within one call.
 */
export function reconcile<T>(
  parent: HTMLElement,
  items: readonly T[],
  keyOf: (item: T) => string,
  sigOf: (item: T) => string,
  make: (item: T, current: () => T) => HTMLElement,
): void {
  const before = (drawnOf.get(parent) ?? new Map<string, Drawn<unknown>>()) as Map<string, Drawn<T>>;
  const after = new Map<string, Drawn<T>>();
  const wanted: HTMLElement[] = [];
  for (const item of items) {
    const key = keyOf(item);
    const sig = sigOf(item);
    let d = before.get(key);
    if (d !== undefined && d.sig === sig) d.item = item;
    else {
      const box = { el: undefined as unknown as HTMLElement, sig, item };
      box.el = make(item, () => box.item);
      d = box;
    }
    after.set(key, d);
    wanted.push(d.el);
  }
  drawnOf.set(parent, after as Map<string, Drawn<unknown>>);
  // Same order as drawn before is the common case: walk both lists once, inserting where they differ.
  let child = parent.firstElementChild as HTMLElement | null;
  for (const el of wanted) {
    if (child === el) {
      child = child.nextElementSibling as HTMLElement | null;
      continue;
    }
    parent.insertBefore(el, child);
  }
  while (child !== null) {
    const next = child.nextElementSibling as HTMLElement | null;
    child.remove();
    child = next;
  }
  // Text nodes (or anything else) left from a `replaceChildren` elsewhere.
  for (const n of [...parent.childNodes]) if (n.nodeType !== Node.ELEMENT_NODE) n.remove();
}

/** Forgets what `parent` drew (its next `reconcile` makes every element anew). */
export function forget(parent: HTMLElement): void {
  drawnOf.delete(parent);
}
