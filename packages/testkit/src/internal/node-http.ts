/**
 * `node:http` for the simulators, loaded without an import a browser bundler would follow, so that
 * testkit's main entry (QR images, synthetic people) still bundles for the browser. Node ≥ 20.16
 * hands out built-in modules through `process.getBuiltinModule`; older Node 20 releases get a
 * dynamic import whose specifier is a variable.
 */
export type NodeHttp = typeof import('node:http');

/** The `node:http` module; rejects outside Node. */
export async function loadNodeHttp(): Promise<NodeHttp> {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  if (typeof proc?.getBuiltinModule === 'function') return proc.getBuiltinModule('node:http') as NodeHttp;
  const specifier = 'node:http';
  return (await import(/* @vite-ignore */ /* webpackIgnore: true */ specifier)) as NodeHttp;
}
