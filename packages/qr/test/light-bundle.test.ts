import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build as bundle, type Metafile } from 'esbuild';
import { build } from 'tsup';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Builds the package as `pnpm build` does (without type declarations), then bundles each entry
// for a browser the way an application's bundler would, and looks at what got pulled in.
const pkg = fileURLToPath(new URL('..', import.meta.url));
let out: string;

async function browserBundle(entry: string): Promise<{ inputs: string[]; bytes: number; text: string }> {
  const result = await bundle({
    entryPoints: [join(out, entry)],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    platform: 'browser',
    // Workspace packages resolve to their sources, as in the repo's tests.
    conditions: ['@cancuoc/source'],
    nodePaths: [join(pkg, 'node_modules')],
    logLevel: 'silent',
  });
  const meta: Metafile = result.metafile;
  const file = result.outputFiles[0]!;
  return { inputs: Object.keys(meta.inputs), bytes: file.contents.length, text: file.text };
}

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), 'cancuoc-qr-build-'));
  await build({
    config: false,
    entry: { index: join(pkg, 'src/index.ts'), image: join(pkg, 'src/image/index.ts') },
    format: ['esm'],
    outDir: out,
    target: 'es2022',
    dts: false,
    silent: true,
    external: [/^@cancuoc\//, 'zxing-wasm', /^zxing-wasm\//, 'jpeg-js', 'fast-png'],
  });
}, 60_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

describe('the built package', () => {
  it('keeps zxing-wasm and zod out of the light @cancuoc/qr entry', async () => {
    const { inputs, text } = await browserBundle('index.js');
    expect(inputs.some((i) => i.includes('zxing-wasm'))).toBe(false);
    expect(inputs.some((i) => i.includes('/zod/'))).toBe(false);
    expect(text).not.toContain('zxing_reader');
    expect(text).not.toContain('jsdelivr');
    expect(text).toContain('ERR_QR_FIELD_COUNT');
  });

  it('bundles zxing-wasm and its .wasm name into @cancuoc/qr/image', async () => {
    const { inputs, text } = await browserBundle('image.js');
    expect(inputs.some((i) => i.includes('zxing-wasm'))).toBe(true);
    expect(text).toContain('zxing_reader.wasm');
  });
});
