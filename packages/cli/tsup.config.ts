import { defineConfig } from 'tsup';

export default defineConfig({
  // `cli` is the executable (bin → dist/cli.js); `index` exports `run` for scripts.
  entry: { index: 'src/index.ts', cli: 'src/bin.ts' },
  format: ['esm', 'cjs'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  sourcemap: true,
  target: 'es2022',
  removeNodeProtocol: false,
  // The simulated card of the tests comes from the testkit, a dev dependency loaded only on demand.
  external: ['@cancuoc/testkit'],
  // bin/cancuoc.mjs (committed) loads dist/cli.js; the hashbang keeps dist/cli.js runnable on its own.
  banner: { js: '#!/usr/bin/env node' },
});
