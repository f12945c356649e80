type Numbers = Float64Array | Int32Array | Uint32Array | Uint16Array;

/**
 * `a` itself when it holds `size` elements, else a copy of it at least `size` long and at least
 * twice as long (the growth of every typed-array buffer of the package: spans, report line
 * lengths, duplicate keys). With `shared`, the copy lives in a `SharedArrayBuffer`, which worker
 * threads read without a copy.
 */
export function grown<T extends Numbers>(a: T, size: number, shared = false): T {
  if (size <= a.length) return a;
  const length = Math.max(size, a.length * 2);
  const next = shared
    ? sharedArray(a.constructor as SharedConstructor<T>, length)
    : new (a.constructor as new (n: number) => T)(length);
  next.set(a);
  return next;
}

type SharedConstructor<T> = (new (b: SharedArrayBuffer) => T) & { BYTES_PER_ELEMENT: number };

/** A typed array of `length` zeros in a `SharedArrayBuffer`. */
export function sharedArray<T extends Numbers>(kind: SharedConstructor<T>, length: number): T {
  return new kind(new SharedArrayBuffer(length * kind.BYTES_PER_ELEMENT));
}
