/** A Map or WeakMap, as far as caching needs one. */
interface Cache<K, V> {
  has(key: K): boolean;
  get(key: K): V | undefined;
  set(key: K, value: V): unknown;
}

/**
 * The value cached under a key, made the first time it is asked for. A level never changes once
 * loaded, so what is worked out from it (moves, deals, lookups) is cached per level object.
 */
export function memo<K, V>(cache: Cache<K, V>, key: K, make: () => V): V {
  const known = cache.get(key);
  if (known !== undefined || cache.has(key)) return known as V;
  const value = make();
  cache.set(key, value);
  return value;
}

/** The inner Map cached under a key (for caches keyed by a level, then by something within it). */
export function inner<K, K2, V>(cache: Cache<K, Map<K2, V>>, key: K): Map<K2, V> {
  return memo(cache, key, () => new Map<K2, V>());
}
