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

type SharedConstructor<T> = (new (b: ArrayBufferLike) => T) & { BYTES_PER_ELEMENT: number };

// Runtimes without SharedArrayBuffer (a page that is not cross-origin isolated) get plain
// memory: only cleanFile's worker threads, which are Node's, need it shared.
const Shared: new (bytes: number) => ArrayBufferLike =
  typeof SharedArrayBuffer === 'function' ? SharedArrayBuffer : ArrayBuffer;

/** A typed array of `length` zeros in a `SharedArrayBuffer` (where the runtime has one). */
export function sharedArray<T extends Numbers>(kind: SharedConstructor<T>, length: number): T {
  return new kind(new Shared(length * kind.BYTES_PER_ELEMENT));
}
