/**
 * Bundles a page script for the browser with esbuild, as an application would ship it: ES module,
 * every import inlined, workspace packages resolved to their TypeScript sources through the
 * `@cancuoc/source` export condition. Used by {@link runInBrowser} and by the examples' servers.
 */
import { importPeer } from '../internal/optional-peer.js';

const FEATURE = '@cancuoc/testkit/browser';

/** Options of {@link bundleForBrowser}: an entry file, or a script with the folder its imports resolve from. */
export type BundleForBrowserOptions = (
  | { readonly entryPoint: string; readonly script?: undefined; readonly resolveDir?: undefined }
  | { readonly script: string; readonly resolveDir: string; readonly entryPoint?: undefined }
) & {
  /** Minify (default false): examples ship minified pages, tests keep them readable. */
  readonly minify?: boolean;
};

/**
 * The bundled JavaScript. Needs the optional peer `esbuild`.
 *
 * @throws Error with esbuild's messages when the script does not build.
 * @example
 * ```ts
 * const js = await bundleForBrowser({ entryPoint: fileURLToPath(new URL('./page/app.ts', import.meta.url)), minify: true });
 * ```
 */
export async function bundleForBrowser(options: BundleForBrowserOptions): Promise<Uint8Array> {
  const { build } = await importPeer('esbuild', FEATURE, () => import('esbuild'));
  const result = await build({
    ...(options.entryPoint !== undefined
      ? { entryPoints: [options.entryPoint] }
      : { stdin: { contents: options.script, resolveDir: options.resolveDir, loader: 'ts' as const } }),
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    conditions: ['@cancuoc/source'],
    minify: options.minify ?? false,
    legalComments: 'none',
    logLevel: 'silent',
  });
  const out = result.outputFiles[0];
  if (!out) throw new Error('esbuild produced no output');
  return out.contents;
}
