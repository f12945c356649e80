import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { renderQrImage } from '@cancuoc/testkit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { configureQrImageDecoder, decodeQrImage } from '../src/image/index.js';
import { resetZxing } from '../src/image/internal/load-zxing.js';

const TEXT = '001098012345||NGUYỄN VĂN A|15081998|Nam|Hà Nội|25052021';
const image = renderQrImage(TEXT);
const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));

afterEach(() => {
  resetZxing(undefined);
  vi.restoreAllMocks();
});

describe('configureQrImageDecoder', () => {
  it('loads the decoder from bytes the application supplies', async () => {
    configureQrImageDecoder({ wasmBinary: new Uint8Array(wasm) });
    expect((await decodeQrImage(image))[0]?.text).toBe(TEXT);
  });

  it('gives ERR_QR_WASM_LOAD for bytes that are not the decoder, and recovers once configured again', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {}); // emscripten reports the abort itself
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    configureQrImageDecoder({ wasmBinary: new Uint8Array([0, 0x61, 0x73, 0x6d, 1, 2, 3]) });
    await expect(decodeQrImage(image)).rejects.toMatchObject({ code: 'ERR_QR_WASM_LOAD' });
    configureQrImageDecoder({
      wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength),
    });
    expect((await decodeQrImage(image))[0]?.text).toBe(TEXT);
  });

  it('throws TypeError without a source', () => {
    expect(() => configureQrImageDecoder({})).toThrow(TypeError);
    expect(() => configureQrImageDecoder(null as never)).toThrow(TypeError);
  });

  it('finds the .wasm on Node releases without process.getBuiltinModule', async () => {
    const original = process.getBuiltinModule;
    Object.defineProperty(process, 'getBuiltinModule', {
      value: undefined,
      configurable: true,
      writable: true,
    });
    try {
      resetZxing(undefined);
      expect((await decodeQrImage(image))[0]?.text).toBe(TEXT);
    } finally {
      Object.defineProperty(process, 'getBuiltinModule', {
        value: original,
        configurable: true,
        writable: true,
      });
    }
  });
});
