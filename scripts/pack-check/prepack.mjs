#!/usr/bin/env node
// `prepack` of every public package (run by npm/pnpm pack and publish, in the package folder):
// refuses to pack when a file the package.json points at has not been built, so a release can
// never ship a tarball without dist/, and copies the repository's LICENSE into the package.
import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { entryFiles } from './entries.mjs';

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
const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
copyFileSync(join(repoRoot, 'LICENSE'), join(pkgDir, 'LICENSE'));
