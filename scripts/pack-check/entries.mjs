// Reads a package.json's public surface: the entry points (from `exports`) and every file the
// manifest points at. Shared by prepack and the packed-package checks so nothing is hand-listed.

/** Conditions that exist only inside the workspace (vitest resolves them to src/). */
const WORKSPACE_CONDITIONS = new Set(['@cancuoc/source']);

/**
 * The public subpaths of a package, e.g. `['.', './image']` (without `./package.json`).
 * @param {Record<string, any>} pkg
 */
export function subpaths(pkg) {
  if (typeof pkg.exports === 'string') return ['.'];
  return Object.keys(pkg.exports ?? {}).filter((key) => key !== './package.json' && !key.includes('*'));
}

/** The import specifier of a subpath: `@cancuoc/qr` for `.`, `@cancuoc/qr/image` for `./image`. */
export function specifier(pkg, subpath) {
  return subpath === '.' ? pkg.name : `${pkg.name}/${subpath.slice(2)}`;
}

function leaves(value, out) {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) leaves(item, out);
  else if (value && typeof value === 'object') {
    for (const [condition, target] of Object.entries(value)) {
      if (!WORKSPACE_CONDITIONS.has(condition)) leaves(target, out);
    }
  }
  return out;
}

/**
 * Every file the published manifest points at (exports except workspace-only conditions,
 * main, module, types, typesVersions targets, bin), relative to the package folder.
 * @param {Record<string, any>} pkg
 */
export function entryFiles(pkg) {
  const files = [];
  for (const subpath of subpaths(pkg)) leaves(pkg.exports?.[subpath] ?? pkg.exports, files);
  for (const field of ['main', 'module', 'types']) if (typeof pkg[field] === 'string') files.push(pkg[field]);
  for (const map of Object.values(pkg.typesVersions ?? {})) leaves(map, files);
  if (pkg.bin) leaves(pkg.bin, files);
  return [...new Set(files.map((file) => file.replace(/^\.\//, '')))].filter((file) => !file.includes('*'));
}
