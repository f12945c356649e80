import { defineConfig } from 'tsup';

export default defineConfig({
  entry: { index: 'src/index.ts', lite: 'src/lite.ts', image: 'src/image/index.ts' },
  external: [/^@cornerstonejs\/codec-openjpeg/],
  format: ['esm', 'cjs'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  // Keep `node:` specifiers as written (tsup strips them by default; issue 12).
  removeNodeProtocol: false,
  // @noble/* is bundled (tree-shaken) into dist rather than imported: Node's ESM loader resolves,
  // reads and links each of its ~15 files one by one, which was most of this package's cold import
  // (issue 12: chip/lite 49 → 26 ms). The versions are pinned exactly in `dependencies`, which stay
  // for the types the declarations name and so that audits see them.
  noExternal: [/^@noble\//],
});
