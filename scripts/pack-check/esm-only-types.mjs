// TS1479 fix for CommonJS consumers under `module: node16`: tsup writes `import { JWK } from
// 'jose'` into the .d.cts files, and TypeScript resolves that with the `require` condition to an
// ES module's types (jose, oauth4webapi, @noble/* 2.x publish ES modules only), which node16
// forbids in a CommonJS file. At run time Node ≥ 20.19 require()s them fine; in the declarations
// the import is marked `resolution-mode: "import"` (TypeScript ≥ 5.3), which is what it is.
// Written by hand: neither tsup nor rollup-plugin-dts has an option for it.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const IMPORT = /^import (\* as [\w$]+|\{[^}]*\}|[\w$]+) from (["'])([^"'.][^"']*)\2;$/gm;

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

/** The dependency's package.json, looked up like Node does from the package folder upwards. */
function findManifest(name, fromDir) {
  for (let dir = fromDir; ; dir = dirname(dir)) {
    const file = join(dir, 'node_modules', name, 'package.json');
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
    if (dirname(dir) === dir) return undefined;
  }
}

/** Whether a package can only be loaded as an ES module (no `require` condition anywhere). */
export function isEsmOnly(manifest) {
  if (!manifest) return false;
  if (manifest.type !== 'module') return false;
  return !JSON.stringify(manifest.exports ?? {}).includes('"require"');
}

/**
 * Rewrites the imports of ES-module-only packages in a .d.cts text into
 * `import type … with { 'resolution-mode': 'import' }`.
 * @param {string} text the declaration file
 * @param {string} pkgDir the package folder, to find the dependencies
 */
export function markEsmOnlyTypeImports(text, pkgDir) {
  const cache = new Map();
  return text.replace(IMPORT, (whole, clause, _quote, specifier) => {
    const name = packageName(specifier);
    if (name.startsWith('node:')) return whole;
    if (!cache.has(name)) cache.set(name, isEsmOnly(findManifest(name, pkgDir)));
    if (!cache.get(name)) return whole;
    return `import type ${clause} from '${specifier}' with { 'resolution-mode': 'import' };`;
  });
}
