// `node scripts/bundle-size.mjs [--root <dir>] [--json] [--why] [scenario…]`: bundles the
// front-desk entry points for a browser with esbuild (minified, tree-shaken) and prints the raw,
// minified and gzip size of each scenario beside its budget in bundle-budget.json. Exits 1 when a
// scenario is over budget or does not build.
//
// Without --root, `@cancuoc/*` resolve to the workspace packages' built dist (the "import"
// condition, so run `pnpm build` first); with --root, they resolve from <dir>/node_modules, e.g.
// a folder where the packed tarballs were installed with npm. --why lists the largest inputs of
// each bundle; --json prints the results as JSON.
import { readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repo, workspaceRoot } from './consumer-root.mjs';

const require = createRequire(import.meta.url);

/** esbuild comes into the workspace with tsup; a consumer folder may have its own. */
async function loadEsbuild() {
  for (const from of [repo, dirname(require.resolve('tsup'))]) {
    try {
      return await import(require.resolve('esbuild', { paths: [from] }));
    } catch {}
  }
  throw new Error('esbuild not found: run pnpm install at the repository root');
}

/**
 * Each scenario is the code a page would write: named imports used for real (exported, so
 * that nothing is tree-shaken away that the page would keep).
 */
const scenarios = [
  {
    id: 'front-desk',
    title: 'front desk: QR parse + record validation',
    source: `
      import { parseCardQr, readIdentityQr } from '@cancuoc/qr';
      import { ResidentRecord } from '@cancuoc/schemas';
      export const check = (text, record) => [parseCardQr(text), readIdentityQr(text), ResidentRecord.safeParse(record)];
    `,
  },
  {
    id: 'id-number',
    title: 'id-number only: parsePersonalId',
    source: `
      import { parsePersonalId } from '@cancuoc/id-number';
      export const check = (id) => parsePersonalId(id);
    `,
  },
  {
    id: 'schemas',
    title: 'schemas only: ResidentRecord.safeParse',
    source: `
      import { ResidentRecord } from '@cancuoc/schemas';
      export const check = (record) => ResidentRecord.safeParse(record);
    `,
  },
  {
    id: 'qr',
    title: 'qr only: parseCardQr',
    source: `
      import { parseCardQr } from '@cancuoc/qr';
      export const check = (text) => parseCardQr(text);
    `,
  },
  {
    id: 'eid',
    title: 'eid: verifyEidToken in a browser/edge worker',
    source: `
      import { verifyEidToken } from '@cancuoc/eid';
      export const check = (token, options) => verifyEidToken(token, options);
    `,
  },
  {
    id: 'qr-image',
    title: 'qr/image: decodeQrImage (JS without the .wasm)',
    source: `
      import { configureQrImageDecoder, decodeQrImage } from '@cancuoc/qr/image';
      export const check = (image) => decodeQrImage(image);
      export { configureQrImageDecoder };
    `,
  },
];

function parseArgs(argv) {
  const args = { root: undefined, json: false, why: false, only: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--root') args.root = resolve(argv[++i] ?? '');
    else if (a === '--json') args.json = true;
    else if (a === '--why') args.why = true;
    else if (a.startsWith('--')) throw new RangeError(`unknown option ${a}`);
    else args.only.push(a);
  }
  return args;
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

async function measure(esbuild, scenario, resolveDir) {
  const common = {
    stdin: { contents: scenario.source, resolveDir, sourcefile: `${scenario.id}.js`, loader: 'js' },
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    treeShaking: true,
    metafile: true,
    outdir: join(resolveDir, '.bundle-size-out'),
    logLevel: 'silent',
    // The decoder's .wasm is fetched at run time, not bundled: count the JS only.
    loader: { '.wasm': 'file' },
    // A browser build must not need Node built-ins: kept external here, reported below.
    external: ['node:*'],
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  const raw = await esbuild.build({ ...common, minify: false });
  const min = await esbuild.build({ ...common, minify: true });
  const js = min.outputFiles.find((f) => f.path.endsWith('.js'));
  const output = min.metafile.outputs[Object.keys(min.metafile.outputs).find((k) => k.endsWith('.js'))];
  // A static import of a Node built-in breaks the page; a guarded dynamic import (a Node-only
  // path that a browser never takes) does not.
  const nodeImports = [
    ...new Set(
      output.imports
        .filter(
          (i) => i.path.startsWith('node:') && (i.kind === 'import-statement' || i.kind === 'require-call'),
        )
        .map((i) => i.path),
    ),
  ];
  const inputs = Object.entries(
    min.metafile.outputs[Object.keys(min.metafile.outputs).find((k) => k.endsWith('.js'))].inputs,
  )
    .map(([file, v]) => ({
      file: file.replace(/^.*node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?/, ''),
      bytes: v.bytesInOutput,
    }))
    .sort((a, b) => b.bytes - a.bytes);
  return {
    raw: raw.outputFiles.find((f) => f.path.endsWith('.js')).contents.length,
    min: js.contents.length,
    gzip: gzipSync(js.contents, { level: 9 }).length,
    nodeImports,
    inputs,
  };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const budget = JSON.parse(readFileSync(join(repo, 'bundle-budget.json'), 'utf8')).scenarios;
  const esbuild = await loadEsbuild();
  const root = args.root ?? workspaceRoot('cancuoc-bundle-size-');
  const results = [];
  let failed = 0;
  try {
    for (const s of scenarios) {
      if (args.only.length && !args.only.includes(s.id)) continue;
      const limit = budget[s.id]?.gzip;
      try {
        const m = await measure(esbuild, s, root);
        const over = limit === undefined || m.gzip > limit || m.nodeImports.length > 0;
        if (over) failed++;
        results.push({ id: s.id, title: s.title, ...m, budget: limit, ok: !over });
      } catch (e) {
        failed++;
        results.push({
          id: s.id,
          title: s.title,
          error: e.errors?.map((x) => x.text).join('; ') ?? String(e),
          ok: false,
        });
      }
    }
  } finally {
    if (!args.root) rmSync(root, { recursive: true, force: true });
  }
  if (args.json) {
    console.log(
      JSON.stringify(
        results.map(({ inputs, ...r }) => (args.why ? { ...r, inputs } : r)),
        null,
        2,
      ),
    );
  } else {
    console.log(
      `bundle sizes (esbuild, browser, minified, tree-shaken; gzip -9) from ${args.root ?? 'the workspace dist'}`,
    );
    for (const r of results) {
      if (r.error) {
        console.log(`FAIL ${r.id.padEnd(11)} ${r.title}: ${r.error}`);
        continue;
      }
      const line = `${r.ok ? 'ok  ' : 'OVER'} ${r.id.padEnd(11)} raw ${kB(r.raw).padStart(9)}  min ${kB(r.min).padStart(9)}  gzip ${kB(r.gzip).padStart(8)}  budget ${r.budget === undefined ? 'none' : kB(r.budget)}  ${r.title}`;
      console.log(line);
      if (r.nodeImports.length)
        console.log(`     imports Node built-ins in a browser bundle: ${r.nodeImports.join(', ')}`);
      if (args.why)
        for (const i of r.inputs.slice(0, 12))
          console.log(`       ${String(i.bytes).padStart(8)}  ${i.file}`);
    }
  }
  process.exit(failed ? 1 : 0);
}

await main();
