/**
 * `a` itself when it holds `size` elements, else a copy of it at least `size` long and at least
 * twice as long (the growth of every typed-array buffer of the package: spans, report line
 * lengths, duplicate keys).
 */
export function grown<T extends Float64Array | Int32Array | Uint32Array | Uint16Array>(
  a: T,
  size: number,
): T {
  if (size <= a.length) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  next.set(a);
  return next;
}
