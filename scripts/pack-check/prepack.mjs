#!/usr/bin/env node
// `prepack` of every public package (run by npm/pnpm pack and publish, in the package folder):
// refuses to pack when a file the package.json points at has not been built, so a release can
// never ship a tarball without dist/; marks the type imports of ES-module-only dependencies in
// the CommonJS declarations (see esm-only-types.mjs); copies the repository's LICENSE in.
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryFiles } from './entries.mjs';
import { markEsmOnlyTypeImports } from './esm-only-types.mjs';

const pkgDir = process.cwd();
const pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8'));
const missing = entryFiles(pkg).filter((file) => !existsSync(join(pkgDir, file)));
if (missing.length > 0) {
  console.error(
    `prepack ${pkg.name}: ${missing.length} built file(s) missing (${missing.slice(0, 5).join(', ')}${
      missing.length > 5 ? ', …' : ''
    }). Run \`pnpm --filter ${pkg.name} build\` (or \`pnpm build\`) before packing.`,
  );
  process.exit(1);
}
const distDir = join(pkgDir, 'dist');
for (const file of readdirSync(distDir, { recursive: true }).map(String)) {
  if (!file.endsWith('.d.cts')) continue;
  const path = join(distDir, file);
  const text = readFileSync(path, 'utf8');
  const marked = markEsmOnlyTypeImports(text, pkgDir);
  if (marked !== text) writeFileSync(path, marked);
}
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
copyFileSync(join(repoRoot, 'LICENSE'), join(pkgDir, 'LICENSE'));
