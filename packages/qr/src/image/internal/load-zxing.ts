/**
 * Loads zxing-wasm's reader with a `.wasm` file that never comes from a CDN: the bytes or URL the
 * application configured, or in Node the file inside the installed `zxing-wasm` package.
 * (zxing-wasm's own default fetches from jsDelivr; its overrides replace that default entirely.)
 */
import { prepareZXingModule, purgeZXingModule } from 'zxing-wasm/reader';
import { qrError } from '../../errors.js';
import type { QrImageDecoderConfig } from '../configure-qr-image-decoder.js';

let config: QrImageDecoderConfig | undefined;
let ready: Promise<void> | undefined;

/** Replaces the configuration; the next decode loads the module again. */
export function resetZxing(next: QrImageDecoderConfig | undefined): void {
  config = next;
  ready = undefined;
  purgeZXingModule();
}

interface NodeProcess {
  versions?: { node?: string };
  getBuiltinModule?: (id: string) => unknown;
}

// Node ≥ 20.16 exposes built-in modules without an import statement, so browser bundlers never
// see a `node:` import in this runtime-neutral file. Older Node 20 releases get a dynamic import
// whose specifier bundlers cannot follow.
async function builtin<T>(proc: NodeProcess, id: string): Promise<T> {
  if (typeof proc.getBuiltinModule === 'function') return proc.getBuiltinModule(id) as T;
  const specifier = id;
  return (await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier)) as T;
}

async function readWasmFromPackage(): Promise<ArrayBuffer | undefined> {
  const proc = (globalThis as { process?: NodeProcess }).process;
  if (!proc?.versions?.node) return undefined;
  const { createRequire } = await builtin<typeof import('node:module')>(proc, 'node:module');
  const { readFile } = await builtin<typeof import('node:fs/promises')>(proc, 'node:fs/promises');
  const path = createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm');
  const bytes = await readFile(path);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * The `.wasm` of the installed zxing-wasm package (Node), with the SDK's errors:
 * `ERR_QR_WASM_NOT_CONFIGURED` outside Node, `ERR_QR_WASM_LOAD` when the file is missing.
 */
export async function wasmFromPackage(): Promise<ArrayBuffer> {
  let bytes: ArrayBuffer | undefined;
  try {
    bytes = await readWasmFromPackage();
  } catch (cause) {
    throw qrError(
      'ERR_QR_WASM_LOAD',
      { reason: 'zxing-wasm/reader/zxing_reader.wasm is not installed' },
      { cause },
    );
  }
  if (bytes === undefined) throw qrError('ERR_QR_WASM_NOT_CONFIGURED');
  return bytes;
}

function toArrayBuffer(bytes: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (bytes instanceof ArrayBuffer) return bytes;
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

async function prepare(): Promise<void> {
  try {
    if (config?.wasmBinary !== undefined) {
      await prepareZXingModule({
        overrides: { wasmBinary: toArrayBuffer(config.wasmBinary) },
        fireImmediately: true,
      });
      return;
    }
    if (config?.wasmUrl !== undefined) {
      const url = String(config.wasmUrl);
      await prepareZXingModule({
        overrides: {
          locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? url : prefix + path),
        },
        fireImmediately: true,
      });
      return;
    }
  } catch (cause) {
    throw qrError(
      'ERR_QR_WASM_LOAD',
      { reason: 'the configured .wasm could not be instantiated' },
      { cause },
    );
  }
  const wasmBinary = await wasmFromPackage();
  try {
    await prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: true });
  } catch (cause) {
    throw qrError('ERR_QR_WASM_LOAD', { reason: 'the .wasm could not be instantiated' }, { cause });
  }
}

/** Resolves once the zxing module is instantiated from a local `.wasm`. */
export function ensureZxing(): Promise<void> {
  if (!ready) {
    ready = prepare();
    // A failed load may succeed after configureQrImageDecoder: do not cache the failure.
    ready.catch(() => {
      ready = undefined;
    });
  }
  return ready;
}
