import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', image: 'src/image/index.ts', video: 'src/video/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // Keep `node:` specifiers as written (tsup strips them by default; issue 12).
  removeNodeProtocol: false,
  // import.meta.url (used to find zxing-wasm's .wasm in Node) in the CommonJS build too.
  shims: true,
});
