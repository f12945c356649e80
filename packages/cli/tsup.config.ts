import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: { index: 'src/index.ts' },
    format: ['esm', 'cjs'],
    dts: true,
    clean: true,
    sourcemap: true,
    target: 'es2022',
    removeNodeProtocol: false,
  },
  {
    // The executable: ESM only, with the shebang npm needs to link `cancuoc`.
    entry: { cli: 'src/bin.ts' },
    format: ['esm'],
    sourcemap: true,
    target: 'es2022',
    removeNodeProtocol: false,
    banner: { js: '#!/usr/bin/env node' },
  },
]);
