// Keyboard use of the playground's lists and tabs: one tab stop per list (a roving tabindex), arrow keys to move,
// Enter or Space to act; tabs as a WAI-ARIA tablist. In: a container and what acting on an item does.
// Out: listeners on the container (set once; items may be redrawn freely, the roving stop follows them).

/** The items of `list` that can be acted on, in document order. */
function itemsOf(list: HTMLElement, selector: string): HTMLElement[] {
  return [...list.querySelectorAll<HTMLElement>(selector)];
}

/**
 * Makes the items matching `selector` inside `list` reachable by keyboard: one of them has tabindex 0 (the one
 * `isCurrent` names, else the last focused, else the first), the others -1; ArrowUp/ArrowDown/Home/End move;
 * Enter and Space call `act(item)`. The items may be redrawn at any time: the tab stop is set again, and an item
 * that had the focus when it was redrawn hands it to its successor of the same `keyOf`.
 */
export function rovingList(
  list: HTMLElement,
  selector: string,
  act: (item: HTMLElement) => void,
  keyOf: (item: HTMLElement) => string = (item) => String(itemsOf(list, selector).indexOf(item)),
  isCurrent: (item: HTMLElement) => boolean = () => false,
): void {
  let last: { el: HTMLElement; key: string } | undefined;
  let inside = false;
  const setStop = (chosen: HTMLElement | undefined): void => {
    for (const it of itemsOf(list, selector)) it.tabIndex = it === chosen ? 0 : -1;
  };
  const redrawn = (): void => {
    const items = itemsOf(list, selector);
    if (items.length === 0) return;
    const again = last && !last.el.isConnected ? items.find((it) => keyOf(it) === last?.key) : undefined;
    setStop(items.find(isCurrent) ?? again ?? (last?.el.isConnected ? last.el : undefined) ?? items[0]);
    // The focused item was replaced: its successor takes the focus (a redraw must not drop the keyboard user).
    if (again && inside && (document.activeElement === document.body || document.activeElement === null)) {
      setStop(again);
      again.focus();
    }
  };
  new MutationObserver(redrawn).observe(list, { childList: true, subtree: true });
  list.addEventListener('focusin', (e) => {
    const el = e.target as HTMLElement;
    if (!el.matches(selector)) return;
    last = { el, key: keyOf(el) };
    inside = true;
  });
  list.addEventListener('focusout', (e) => {
    const to = e.relatedTarget as Node | null;
    if (to !== null) inside = list.contains(to);
    // No new target: the item was removed (stay) or the user clicked on nothing focusable (leave).
    else queueMicrotask(() => (inside = last !== undefined && !last.el.isConnected));
  });
  list.addEventListener('keydown', (e) => {
    const items = itemsOf(list, selector);
    const i = items.indexOf(e.target as HTMLElement);
    if (i < 0) return;
    const to = e.key === 'ArrowDown' ? items[i + 1] : e.key === 'ArrowUp' ? items[i - 1] : e.key === 'Home' ? items[0] : e.key === 'End' ? items.at(-1) : undefined;
    if (to) {
      setStop(to);
      to.focus();
    } else if (e.key === 'Enter' || e.key === ' ') {
      const item = items[i];
      if (item) act(item);
    } else return;
    e.preventDefault();
  });
}

/**
 * Makes `tabs` (buttons inside a `role=tablist`) a tablist: each tab `aria-controls` its panel and is
 * `aria-selected` when chosen; ArrowLeft/ArrowRight/Home/End move between tabs and choose them (`choose(i)`).
 * Returns `select(i)`, which marks tab `i` chosen (ARIA state and the roving tab stop).
 */
export function tablist(tabs: readonly HTMLElement[], panels: readonly HTMLElement[], choose: (index: number) => void): (index: number) => void {
  tabs.forEach((tab, i) => {
    const panel = panels[i];
    if (!panel) return;
    tab.setAttribute('aria-controls', panel.id);
    panel.setAttribute('role', 'tabpanel');
    panel.setAttribute('aria-labelledby', tab.id);
    tab.addEventListener('keydown', (e) => {
      const n = tabs.length;
      const to = e.key === 'ArrowRight' ? (i + 1) % n : e.key === 'ArrowLeft' ? (i + n - 1) % n : e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : -1;
      if (to < 0) return;
      e.preventDefault();
      choose(to);
      tabs[to]?.focus();
    });
  });
  return (index) => {
    tabs.forEach((tab, i) => {
      tab.setAttribute('aria-selected', String(i === index));
      tab.tabIndex = i === index ? 0 : -1;
    });
  };
}
