// The get-or-make step of the engine's caches (sets of the checks, per-model figures), written once.
// In: a Map or WeakMap, a key, and how to make the value. Out: the value stored under the key, made on first use.

export interface Store<K, V> {
  get(k: K): V | undefined;
  set(k: K, v: V): unknown;
}

export function memoIn<K, V>(m: Store<K, V>, k: K, make: () => V): V {
  let v = m.get(k);
  if (v === undefined) {
    v = make();
    m.set(k, v);
  }
  return v;
}
