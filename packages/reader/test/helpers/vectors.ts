import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { fromHex, toHex } from '@cancuoc/core';
import type { Transport } from '../../src/transport.js';

const url = new URL('../../../../../shared/vectors/icao9303/worked-examples.json', import.meta.url);
const path = fileURLToPath(url);

/** The ICAO worked examples (shared/vectors), or undefined when shared/ is absent. */
// biome-ignore lint/suspicious/noExplicitAny: JSON fixture read as-is
export const workedExamples: any = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
export const vectorsMissing = workedExamples
  ? false
  : 'shared/vectors/icao9303/worked-examples.json is absent: ICAO conformance tests skipped';
if (vectorsMissing) console.warn(vectorsMissing);

/** Hex helper that ignores spaces. */
export const hex = (s: string) => fromHex(s.replace(/\s+/g, ''));

/** A transport that expects exactly the given commands in order and answers 6988 to anything else. */
export function replayTransport(exchanges: ReadonlyArray<{ command: string; response: string }>) {
  const sent: string[] = [];
  let i = 0;
  const transport: Transport = {
    async transmit(apdu) {
      const got = toHex(apdu).toUpperCase();
      sent.push(got);
      const next = exchanges[i++];
      if (!next || next.command.toUpperCase() !== got) return fromHex('6988');
      return fromHex(next.response);
    },
  };
  return { transport, sent, done: () => i === exchanges.length };
}

/** A random source that hands out the given byte strings in order. */
export function fixedRandom(...values: string[]) {
  const queue = values.map((v) => fromHex(v));
  return (n: number) => {
    const v = queue.shift();
    if (!v || v.length !== n) throw new Error(`fixed random: asked ${n} bytes, next is ${v?.length}`);
    return v;
  };
}
