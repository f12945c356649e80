// A typedoc plugin for the cancuoc documentation site (docs/api), loaded by typedoc.json.
//
// typedoc names a project document's page after its title; ours are bilingual ("Đọc chip thẻ căn
// cước · Reading the card's chip"), which would give file names with Vietnamese letters and
// spaces. A page whose front matter has `slug: reading-cards` is written to
// documents/reading-cards.html instead, so links stay short, ASCII and stable when a title is
// reworded. Everything else is routed as typedoc's default ("kind") router does.
import { KindRouter, ReflectionKind } from 'typedoc';

class SlugRouter extends KindRouter {
  getIdealBaseName(reflection) {
    const slug = reflection.kindOf(ReflectionKind.Document) ? reflection.frontmatter?.slug : undefined;
    if (typeof slug === 'string' && /^[a-z0-9-]+$/.test(slug)) return `documents/${slug}`;
    return super.getIdealBaseName(reflection);
  }
}

/** @param {import('typedoc').Application} app */
export function load(app) {
  app.renderer.defineRouter('cancuoc', SlugRouter);
}
