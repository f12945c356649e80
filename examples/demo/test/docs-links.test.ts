import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The documentation a user can open: the site pages under docs/ (built by `pnpm run docs`), the
// package READMEs shown on npm, and the examples' READMEs. Their links must work where they are
// read, and never point into the workspace-only notes beside the clone.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const typedoc = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as {
  projectDocuments: string[];
};

function markdownUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'api' || name === 'node_modules') return [];
    if (statSync(path).isDirectory()) return markdownUnder(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

const docs = markdownUnder(join(root, 'docs'));
const packageReadmes = readdirSync(join(root, 'packages'))
  .map((p) => join(root, 'packages', p, 'README.md'))
  .filter(existsSync);
const exampleReadmes = readdirSync(join(root, 'examples')).map((e) => join(root, 'examples', e, 'README.md'));
const rel = (path: string) => relative(root, path);

/** Link targets of a Markdown text, code blocks left out. */
function links(text: string): string[] {
  const prose = text.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)(?:\s+"[^"]*")?\)/g)].map((m) => m[1] as string);
}

describe('documentation links', () => {
  it('every example has a README', () => {
    expect(exampleReadmes.filter((p) => !existsSync(p)).map(rel)).toEqual([]);
  });

  it('no published page links to or names the workspace-only research notes', () => {
    const offenders = [...docs, ...packageReadmes, ...exampleReadmes].filter((path) => {
      const text = readFileSync(path, 'utf8');
      return /\.\.\/shared\/|shared\/reference|cccd-formats\.md|icao-anchors\.md|reference notes/i.test(text);
    });
    expect(offenders.map(rel)).toEqual([]);
  });

  it('package READMEs use absolute links, which still work on npm', () => {
    const relativeLinks = packageReadmes.flatMap((path) =>
      links(readFileSync(path, 'utf8'))
        .filter((target) => !/^(https?:|mailto:|#)/.test(target))
        .map((target) => `${rel(path)} → ${target}`),
    );
    expect(relativeLinks).toEqual([]);
  });

  it('every relative link between documentation pages reaches an existing file', () => {
    const broken = [...docs, ...exampleReadmes.filter(existsSync)].flatMap((path) =>
      links(readFileSync(path, 'utf8'))
        .filter((target) => !/^(https?:|mailto:|#)/.test(target))
        .filter((target) => !existsSync(resolve(dirname(path), decodeURI(target.split('#')[0] as string))))
        .map((target) => `${rel(path)} → ${target}`),
    );
    expect(broken).toEqual([]);
  });

  it('every site page the docs build lists exists and has a title and an ASCII slug', () => {
    const listed = typedoc.projectDocuments.flatMap((pattern) => {
      const dir = join(root, dirname(pattern));
      const file = pattern.split('/').pop() as string;
      if (!file.includes('*')) return [join(root, pattern)];
      return readdirSync(dir)
        .filter((name) => name.endsWith('.md'))
        .map((name) => join(dir, name));
    });
    expect(listed.filter((p) => !existsSync(p)).map(rel)).toEqual([]);
    // Pages written for the site carry front matter; pages without it get their title from their
    // first heading and their slug from their file name (docs/typedoc/plugin.mjs).
    for (const path of listed) {
      const text = readFileSync(path, 'utf8');
      const front = /^---\n([\s\S]*?)\n---\n/.exec(text)?.[1];
      if (front === undefined) {
        expect(text, rel(path)).toMatch(/^# \S/m);
        continue;
      }
      expect(front, rel(path)).toMatch(/^title: \S/m);
      expect(front, rel(path)).toMatch(/^slug: [a-z0-9-]+$/m);
    }
  });

  it('the guides and references written for the site are in Vietnamese and in English', () => {
    const bilingual = docs.filter((p) =>
      /docs\/(guides|reference)\/|getting-started|security-privacy/.test(p),
    );
    const missing = bilingual.filter((path) => {
      const text = readFileSync(path, 'utf8');
      return !/Tiếng Việt/.test(text) || !/English/.test(text);
    });
    expect(missing.map(rel)).toEqual([]);
  });
});
