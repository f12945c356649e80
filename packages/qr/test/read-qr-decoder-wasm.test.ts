import { describe, expect, it } from 'vitest';
import { readQrDecoderWasm } from '../src/image/index.js';

describe('readQrDecoderWasm', () => {
  it('reads the installed decoder, a WebAssembly module a page can compile', async () => {
    const wasm = await readQrDecoderWasm();
    // "\0asm" magic and version 1 (WebAssembly core spec §5.5.16).
    expect([...wasm.subarray(0, 8)]).toEqual([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
    expect(WebAssembly.validate(wasm as Uint8Array<ArrayBuffer>)).toBe(true);
  });
});
