/**
 * A deep copy of plain data (objects and arrays of strings, numbers, booleans, null and undefined), made
 * the way structuredClone makes it: same keys in the same order, fresh plain objects and dense arrays.
 * Anything else (class instances, sparse arrays or arrays with extra keys, a value reached twice, symbols,
 * functions, bigints) is handed to structuredClone itself, so the result, or the error, is always what
 * structuredClone gives (a Proxy, which structuredClone refuses, is read through its traps instead). A
 * session copies every event it accepts, so this is on the hot path.
 */
export function clonePlain<T>(value: T): T {
  const seen = new Set<object>();
  const copy = (v: unknown): unknown => {
    if (v === null) return v;
    const type = typeof v;
    if (type === 'string' || type === 'number' || type === 'boolean' || type === 'undefined') return v;
    if (type !== 'object') throw NOT_PLAIN;
    const o = v as object;
    if (seen.has(o)) throw NOT_PLAIN;
    seen.add(o);
    const proto = Object.getPrototypeOf(o);
    if (Array.isArray(o)) {
      if (proto !== Array.prototype || Object.keys(o).length !== o.length) throw NOT_PLAIN;
      const out: unknown[] = new Array(o.length);
      for (let i = 0; i < o.length; i++) {
        if (!Object.hasOwn(o, i)) throw NOT_PLAIN;
        out[i] = copy(o[i]);
      }
      return out;
    }
    if ((proto !== Object.prototype && proto !== null) || Object.getOwnPropertySymbols(o).length) throw NOT_PLAIN;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(o)) {
      if (key === '__proto__') throw NOT_PLAIN;
      out[key] = copy((o as Record<string, unknown>)[key]);
    }
    return out;
  };
  try {
    return copy(value) as T;
  } catch (e) {
    if (e !== NOT_PLAIN) throw e;
    return structuredClone(value);
  }
}

const NOT_PLAIN = new Error('not plain data');
