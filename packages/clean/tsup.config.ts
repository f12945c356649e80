import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', distributed: 'src/distributed/index.ts' },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // Keep `node:` specifiers as written (tsup strips them by default; issue 12).
  removeNodeProtocol: false,
});
