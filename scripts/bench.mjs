// `pnpm bench`: runs every packages/*/bench/*.bench.ts (or only those whose path contains an
// argument, e.g. `pnpm bench id-number`) one after another with tsx against the sources.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const filter = process.argv.slice(2);
const files = [];
for (const pkg of readdirSync('packages')) {
  const dir = join('packages', pkg, 'bench');
  if (!existsSync(dir)) continue;
  for (const f of readdirSync(dir)) if (f.endsWith('.bench.ts')) files.push(join(dir, f));
}
let failed = 0;
for (const file of files.sort()) {
  if (filter.length && !filter.some((f) => file.includes(f))) continue;
  console.log(`\n# ${file}`);
  const tsx = existsSync('node_modules/.bin/tsx') ? 'node_modules/.bin/tsx' : 'tsx';
  const r = spawnSync(tsx, ['--conditions=@cancuoc/source', file], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
