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
  external: ['smartcard', 'ws', 'react-native-nfc-manager'],
});
