import type { Article } from '../../content/schema';
import { cardTextOf, type CardInput } from '../../ui/socialCard';

/** Pictures satori can place, by extension, as the build reads them (scripts/site/cards.ts). */
const PICTURE_TYPES: Readonly<Record<string, string>> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif', svg: 'image/svg+xml' };

/** The type of a picture the card can place, by its address's extension; undefined for any other. */
export function pictureType(pathname: string): string | undefined {
  return PICTURE_TYPES[/\.([a-z]+)$/i.exec(pathname)?.[1]?.toLowerCase() ?? ''];
}

/**
 * What the draft's card says, as the build would draw it: the story's words, and its lead picture
 * when the build would draw it in, that is when it is a PNG, JPEG, GIF or SVG on this site (the
 * build never fetches an https: picture). The worker fetches the picture by its address (into a
 * data: URL, as the build reads the same file from the site's folder).
 */
export function previewCardInput(article: Article, siteName: string, origin: string): CardInput {
  const text = cardTextOf(article, siteName);
  const src = article.image?.src;
  if (src === undefined || /^https?:/i.test(src)) return text;
  let url: URL;
  try {
    url = new URL(src, origin);
  } catch {
    return text;
  }
  if (url.origin !== origin || pictureType(url.pathname) === undefined) return text;
  return { ...text, image: url.href };
}
