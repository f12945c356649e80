import { wasmFromPackage } from './internal/load-zxing.js';

/**
 * The QR decoder's WebAssembly (`zxing_reader.wasm` of the `zxing-wasm` package `@cancuoc/qr`
 * depends on), read from the installed package, for a Node server to serve to its own pages so
 * that browsers load it from the server's origin (`configureQrImageDecoder({ wasmUrl })`), never
 * from a CDN. Node only.
 *
 * @throws CancuocError `ERR_QR_WASM_NOT_CONFIGURED` outside Node, `ERR_QR_WASM_LOAD` when the file
 *   is missing from the installation.
 * @example
 * ```ts
 * const wasm = await readQrDecoderWasm();
 * // in the HTTP handler: GET /zxing_reader.wasm → 200, content-type application/wasm, body wasm
 * ```
 */
export async function readQrDecoderWasm(): Promise<Uint8Array> {
  return new Uint8Array(await wasmFromPackage());
}
