import { defineConfig } from 'tsup';

export default defineConfig({
  // `worker`: the worker-thread entry of cleanFile's pool, loaded by URL next to index.js/.cjs.
  entry: { index: 'src/index.ts', distributed: 'src/distributed/index.ts', worker: 'src/internal/worker.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // import.meta.url in the CommonJS build (cleanFile finds worker.cjs with it).
  shims: true,
  // Keep `node:` specifiers as written (tsup strips them by default; issue 12).
  removeNodeProtocol: false,
});
