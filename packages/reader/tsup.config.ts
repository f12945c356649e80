import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    pcsc: 'src/pcsc/index.ts',
    protocol: 'src/protocol/index.ts',
    bridge: 'src/bridge/index.ts',
    'bridge-agent': 'src/bridge/agent/index.ts',
    'react-native': 'src/react-native/index.ts',
  },
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
  external: ['smartcard', 'ws', 'react-native-nfc-manager'],
});
