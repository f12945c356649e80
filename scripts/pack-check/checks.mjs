// Small pure checks used by scripts/pack-check/run.mjs.
import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

const BUILTINS = new Set(builtinModules.filter((name) => !name.startsWith('_')));
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|^\s*import\s+)["']([^"'\n]+)["']/gm;

/**
 * Problems in the built JavaScript of a packed package: a Node built-in that the sources import
 * as `node:x` appearing as bare `x` in the build (tsup strips the prefix unless
 * `removeNodeProtocol: false`). Bare names written by bundled third-party code are left alone.
 * @param {string} pkgDir the package folder (same files as the tarball)
 * @param {string[]} list the tarball's file list, relative to the package
 */
export function checkDistFiles(pkgDir, list) {
  const problems = [];
  const prefixed = new Set();
  for (const file of list.filter((f) => /^src\/.*\.(c|m)?tsx?$/.test(f))) {
    for (const match of readFileSync(join(pkgDir, file), 'utf8').matchAll(SPECIFIER)) {
      if (match[1].startsWith('node:')) prefixed.add(match[1].slice(5));
    }
  }
  for (const file of list.filter((f) => /^dist\/.*\.(c|m)?js$/.test(f))) {
    const text = readFileSync(join(pkgDir, file), 'utf8');
    const bare = new Set();
    for (const match of text.matchAll(SPECIFIER)) {
      if (BUILTINS.has(match[1]) && prefixed.has(match[1])) bare.add(match[1]);
    }
    if (bare.size) problems.push(`${file} imports Node built-ins without node: (${[...bare].join(', ')})`);
  }
  return problems;
}

/**
 * The code blocks that follow an HTML comment `<!-- pack-check: <marker> -->` in a Markdown file
 * (invisible on GitHub and npm), so a README's snippet is run as written and cannot drift.
 * @param {string} markdown
 * @param {string} marker
 */
export function extractMarkedBlocks(markdown, marker) {
  const blocks = [];
  const re = new RegExp(
    `<!--\\s*pack-check:\\s*${marker}\\b[^>]*-->\\s*\\n\`\`\`[a-z]*\\n([\\s\\S]*?)\\n\`\`\``,
    'g',
  );
  for (const match of markdown.matchAll(re)) blocks.push(match[1]);
  return blocks;
}

/**
 * The lowest Node version every package accepts, from `engines.node` of the form `>=X.Y[.Z]`.
 * @param {Record<string, any>[]} pkgs
 */
export function minimumNode(pkgs) {
  const ranges = new Set(pkgs.map((p) => p.engines?.node ?? '(none)'));
  const range = [...ranges][0];
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(range);
  const mixed = ranges.size > 1 ? [...ranges].join(' / ') : !match ? `unsupported range ${range}` : undefined;
  const version = match ? `${match[1]}.${match[2] ?? 0}.${match[3] ?? 0}` : '0.0.0';
  return { range, version, mixed };
}

/**
 * A cycle among workspace packages through any kind of dependency (pnpm warns "There are cyclic
 * workspace dependencies" and cannot order the builds), or undefined.
 * @param {Record<string, any>[]} pkgs every workspace package.json
 */
export function findWorkspaceCycle(pkgs) {
  const names = new Set(pkgs.map((p) => p.name));
  const edges = new Map(
    pkgs.map((p) => [
      p.name,
      Object.keys({
        ...p.dependencies,
        ...p.devDependencies,
        ...p.peerDependencies,
        ...p.optionalDependencies,
      }).filter((d) => names.has(d) && d !== p.name),
    ]),
  );
  const state = new Map();
  const path = [];
  const visit = (name) => {
    if (state.get(name) === 'done') return undefined;
    if (state.get(name) === 'open') return [...path.slice(path.indexOf(name)), name];
    state.set(name, 'open');
    path.push(name);
    for (const next of edges.get(name) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    path.pop();
    state.set(name, 'done');
    return undefined;
  };
  for (const name of names) {
    const cycle = visit(name);
    if (cycle) return cycle;
  }
  return undefined;
}
