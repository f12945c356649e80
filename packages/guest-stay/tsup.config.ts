import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    sqlite: 'src/sqlite/index.ts',
    postgres: 'src/postgres/index.ts',
    export: 'src/export/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // Keep `node:` specifiers as written (tsup strips them by default; issue 12).
  removeNodeProtocol: false,
  // import.meta.url (createRequire of the optional peers better-sqlite3 and pg) in the CJS build too.
  shims: true,
});
