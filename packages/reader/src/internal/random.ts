/** A source of random bytes; tests inject fixed values to replay the ICAO worked examples. */
export type RandomSource = (length: number) => Uint8Array;

export const secureRandom: RandomSource = (length) =>
  globalThis.crypto.getRandomValues(new Uint8Array(length));
