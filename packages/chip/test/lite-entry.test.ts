import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as chip from '../src/index.js';
import * as lite from '../src/lite.js';

/** The package imports of every module reachable from a source file through relative imports. */
function packageImports(entry: URL): Set<string> {
  const seen = new Set<string>();
  const packages = new Set<string>();
  const visit = (url: URL) => {
    if (seen.has(url.href)) return;
    seen.add(url.href);
    const text = readFileSync(url, 'utf8');
    for (const [, kind, spec] of text.matchAll(/^(import|export)\s(?!type\s)[^;]*?from\s+'([^']+)'/gms)) {
      if (kind === undefined || spec === undefined) continue;
      if (spec.startsWith('.')) visit(new URL(spec.replace(/\.js$/, '.ts'), url));
      else packages.add(spec);
    }
  };
  visit(entry);
  return packages;
}

describe('@cancuoc/chip/lite', () => {
  it('reaches neither @cancuoc/schemas nor zod, which @cancuoc/chip loads for toResident', () => {
    const lite = packageImports(new URL('../src/lite.ts', import.meta.url));
    expect([...lite].filter((p) => p.startsWith('@cancuoc/schemas') || p.startsWith('zod'))).toEqual([]);
    expect(lite).toContain('@cancuoc/core');
    const full = packageImports(new URL('../src/index.ts', import.meta.url));
    expect(full).toContain('@cancuoc/schemas');
  });

  it('exports every value of @cancuoc/chip, the same functions, except the resident mapping', () => {
    const expected = Object.keys(chip)
      .filter((name) => name !== 'toResident' && name !== 'toCardData')
      .sort();
    expect(Object.keys(lite).sort()).toEqual(expected);
    for (const name of expected) {
      expect((lite as Record<string, unknown>)[name]).toBe((chip as Record<string, unknown>)[name]);
    }
  });
});
