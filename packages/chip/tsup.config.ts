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
});
