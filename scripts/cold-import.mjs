// `node scripts/cold-import.mjs [--runs N] [--root <dir>] [--json] [--check-time] [package…]`:
// the time a fresh Node process takes to `await import('@cancuoc/<package>')` from the built dist
// (the "import" condition; run `pnpm build` first), as the median of N runs (default 15) of a new
// process each, so that nothing is warm but the OS file cache. The time is measured inside the
// child around the import alone (process start-up excluded); `cpu` is the process CPU time of the
// import (all threads), steadier than wall time on a shared machine.
//
// Checks against bundle-budget.json "coldImport": the packages listed in `withoutZod` must not
// load zod (always checked: deterministic, so CI can rely on it); with --check-time, the median
// wall time must stay under `medianMs` (only meaningful on a quiet machine). Exits 1 on failure.
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { repo, workspaceRoot } from './consumer-root.mjs';

const DEFAULT_PACKAGES = [
  'core',
  'admin-units',
  'id-number',
  'schemas',
  'qr',
  'chip',
  'chip/lite',
  'reader',
  'eid',
];

function parseArgs(argv) {
  const args = { runs: 15, root: undefined, json: false, checkTime: false, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') args.runs = Number(argv[++i]);
    else if (a === '--root') args.root = resolve(argv[++i] ?? '');
    else if (a === '--json') args.json = true;
    else if (a === '--check-time') args.checkTime = true;
    else if (a.startsWith('--')) throw new RangeError(`unknown option ${a}`);
    else args.only.push(a);
  }
  if (!Number.isInteger(args.runs) || args.runs < 1)
    throw new RangeError('--runs must be a positive integer');
  return args;
}

// The child times the import alone. Whether zod is loaded is found in one more, untimed run
// with a resolve hook (hooks run in their own thread, so it writes to stderr).
const CHILD = `
const c0 = process.cpuUsage();
const t0 = performance.now();
await import(process.argv[1]);
const ms = performance.now() - t0;
const c = process.cpuUsage(c0);
process.stdout.write(JSON.stringify({ ms, cpu: (c.user + c.system) / 1000 }));
`;
const HOOKS = `import { writeSync } from 'node:fs';
let seen = false;
export async function resolve(specifier, context, next) {
  const r = await next(specifier, context);
  if (!seen && /[\\/]node_modules[\\/]zod[\\/]/.test(r.url)) { seen = true; writeSync(2, 'ZOD_LOADED\\n'); }
  return r;
}`;
const REGISTER = `data:text/javascript,${encodeURIComponent(
  `import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOKS)}`)});`,
)}`;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function measure(root, name, runs) {
  const times = [];
  const cpu = [];
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, `@cancuoc/${name}`], {
      cwd: root,
      encoding: 'utf8',
    });
    if (r.status !== 0)
      throw new Error(`import of @cancuoc/${name} failed: ${r.stderr.trim().split('\n')[0]}`);
    const out = JSON.parse(r.stdout);
    times.push(out.ms);
    cpu.push(out.cpu);
  }
  const probe = spawnSync(
    process.execPath,
    ['--import', REGISTER, '--input-type=module', '-e', CHILD, `@cancuoc/${name}`],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  if (probe.status !== 0)
    throw new Error(`zod probe of @cancuoc/${name} failed: ${probe.stderr.trim().split('\n')[0]}`);
  const zod = /^ZOD_LOADED$/m.test(probe.stderr);
  return { median: median(times), min: Math.min(...times), max: Math.max(...times), cpu: median(cpu), zod };
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const budget = JSON.parse(readFileSync(join(repo, 'bundle-budget.json'), 'utf8')).coldImport ?? {};
  const withoutZod = new Set(budget.withoutZod ?? []);
  const limits = budget.medianMs ?? {};
  const root = args.root ?? workspaceRoot('cancuoc-cold-import-');
  const names = args.only.length ? args.only : DEFAULT_PACKAGES;
  const results = [];
  let failed = 0;
  try {
    for (const name of names) {
      try {
        const m = measure(root, name, args.runs);
        const limit = limits[name];
        const zodOk = !(withoutZod.has(name) && m.zod);
        const timeOk = !args.checkTime || limit === undefined || m.median <= limit;
        const ok = zodOk && timeOk;
        if (!ok) failed++;
        results.push({ name, ...m, budget: limit, zodAllowed: !withoutZod.has(name), ok });
      } catch (e) {
        failed++;
        results.push({ name, error: String(e.message ?? e), ok: false });
      }
    }
  } finally {
    if (!args.root) rmSync(root, { recursive: true, force: true });
  }
  if (args.json) console.log(JSON.stringify(results, null, 2));
  else {
    console.log(
      `cold import, median of ${args.runs} fresh processes (Node ${process.version}), from ${args.root ?? 'the workspace dist'}`,
    );
    for (const r of results) {
      if (r.error) {
        console.log(`FAIL ${r.name.padEnd(12)} ${r.error}`);
        continue;
      }
      const f = (n) => `${n.toFixed(1)} ms`.padStart(9);
      console.log(
        `${r.ok ? 'ok  ' : 'OVER'} ${r.name.padEnd(12)} median ${f(r.median)}  min ${f(r.min)}  max ${f(r.max)}  cpu ${f(r.cpu)}  budget ${r.budget === undefined ? '—' : `${r.budget} ms`}  zod loaded: ${r.zod ? 'yes' : 'no'}${r.zodAllowed ? '' : ' (must be no)'}`,
      );
    }
  }
  process.exit(failed ? 1 : 0);
}

main();
