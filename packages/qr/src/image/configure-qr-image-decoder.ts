import { resetZxing } from './internal/load-zxing.js';

/** Where the QR decoder's WebAssembly (`zxing_reader.wasm` from the `zxing-wasm` package) comes from. */
export interface QrImageDecoderConfig {
  /**
   * The `.wasm` file's bytes, e.g. read from disk or embedded by a bundler. Takes precedence
   * over `wasmUrl`.
   */
  readonly wasmBinary?: ArrayBuffer | Uint8Array;
  /**
   * A URL your own server serves `zxing_reader.wasm` from (copy it from
   * `node_modules/zxing-wasm/dist/reader/zxing_reader.wasm`, or with Vite import
   * `zxing-wasm/reader/zxing_reader.wasm?url`). Never a CDN: identity data stays on your origin.
   */
  readonly wasmUrl?: string | URL;
}

/**
 * Sets where `decodeQrImage` loads its WebAssembly decoder from. Not needed in Node (the file is
 * read from the installed `zxing-wasm` package); required in browsers and workers, where the SDK
 * refuses to fall back to a CDN. Calling it again replaces the decoder.
 *
 * @throws TypeError when neither `wasmBinary` nor `wasmUrl` is given.
 * @example
 * ```ts
 * import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url'; // Vite; or '/static/zxing_reader.wasm'
 * configureQrImageDecoder({ wasmUrl });
 * ```
 */
export function configureQrImageDecoder(config: QrImageDecoderConfig): void {
  if (
    typeof config !== 'object' ||
    config === null ||
    (config.wasmBinary === undefined && config.wasmUrl === undefined)
  ) {
    throw new TypeError('configureQrImageDecoder expects { wasmBinary } or { wasmUrl }');
  }
  resetZxing(config);
}
