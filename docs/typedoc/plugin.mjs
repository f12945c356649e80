// A typedoc plugin for the cancuoc documentation site (docs/api), loaded by typedoc.json.
//
// 1. typedoc names a project document's page after its title; ours are bilingual ("Đọc chip thẻ
//    căn cước · Reading the card's chip"), which would give file names with Vietnamese letters
//    and spaces. A page whose front matter has `slug: reading-cards` is written to
//    documents/reading-cards.html instead, so links stay short, ASCII and stable when a title is
//    reworded. Everything else is routed as typedoc's default ("kind") router does.
// 2. A page without front matter (a guide another team adds) still gets a proper entry: its
//    title from its first `# ` heading, its slug from its file name, and the Guides group when it
//    lives in docs/guides/ (Reference otherwise).
import { Converter, KindRouter, ReflectionKind } from 'typedoc';

const SLUG = /^[a-z0-9-]+$/;

class SlugRouter extends KindRouter {
  getIdealBaseName(reflection) {
    const slug = reflection.kindOf(ReflectionKind.Document) ? reflection.frontmatter?.slug : undefined;
    if (typeof slug === 'string' && SLUG.test(slug)) return `documents/${slug}`;
    return super.getIdealBaseName(reflection);
  }
}

function firstHeading(content) {
  const text = content
    .filter((part) => part.kind === 'text' || part.kind === 'code')
    .map((part) => part.text)
    .join('');
  return /^# +(.+)$/m.exec(text)?.[1]?.trim();
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.renderer.defineRouter('cancuoc', SlugRouter);
  app.converter.on(Converter.EVENT_CREATE_DOCUMENT, (_context, doc) => {
    const fm = doc.frontmatter;
    // Without front matter the document's name is its path below docs/ ("guides/data-cleaning").
    const path = doc.name;
    if (fm.slug === undefined) {
      const base = path.split('/').pop()?.toLowerCase();
      if (base && SLUG.test(base)) fm.slug = base;
    }
    if (fm.title === undefined) {
      const heading = firstHeading(doc.content);
      if (heading) doc.name = heading;
    }
    if (fm.group === undefined)
      fm.group = path.startsWith('guides/') ? 'Hướng dẫn · Guides' : 'Tham khảo · Reference';
  });
}
