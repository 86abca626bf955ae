/**
 * Which field of the draft a part of the rendered page shows, so that a pane can name the JSON
 * path behind what it measured or what axe found. Texts are matched whole, at the nearest block
 * (a paragraph, a heading, a card's name), because the reader shows each field as a block of its
 * own; pictures by their address.
 */
import { formatPath } from '../../content/parse';
import type { Article } from '../../content/schema';

export interface ContentPaths {
  readonly texts: ReadonlyMap<string, string>;
  readonly images: ReadonlyMap<string, string>;
}

const key = (text: string) => text.replace(/\s+/g, ' ').trim();

export function contentPaths(article: Article): ContentPaths {
  const texts = new Map<string, string>();
  const images = new Map<string, string>();
  // The first field with a text wins: the headline before a paragraph that repeats it.
  const add = (text: string | undefined, path: (string | number)[]) => {
    if (text !== undefined && !texts.has(key(text))) texts.set(key(text), formatPath(path));
  };
  add(article.headline, ['headline']);
  add(article.standfirst, ['standfirst']);
  add(article.section, ['section']);
  add(article.dateline, ['dateline']);
  add(article.byline, ['byline']);
  add(article.source?.note, ['source', 'note']);
  add(article.image?.caption, ['image', 'caption']);
  if (article.image) images.set(article.image.src, '$.image');
  article.body.forEach((block, index) => {
    add(block.text, ['body', index, 'text']);
    if (block.type === 'quote') add(block.attribution, ['body', index, 'attribution']);
  });
  article.people?.forEach((person, index) => {
    add(person.name, ['people', index, 'name']);
    add(person.nativeName, ['people', index, 'nativeName']);
    add(person.summary, ['people', index, 'summary']);
    if (person.image) images.set(person.image.src, formatPath(['people', index, 'image']));
  });
  article.timeline?.forEach((event, index) => {
    add(event.title, ['timeline', index, 'title']);
    add(event.summary, ['timeline', index, 'summary']);
    add(event.dateLabel, ['timeline', index, 'dateLabel']);
  });
  article.tags?.forEach((tag, index) => add(tag, ['tags', index]));
  return { texts, images };
}

/** How many ancestors up a text is looked for: past a few, the block holds more than one field. */
const MAX_DEPTH = 4;

/** The JSON path of the field an element shows, or null when it shows none (the page's own chrome). */
export function pathOfElement(element: Element, paths: ContentPaths): string | null {
  if (element instanceof HTMLImageElement) {
    const src = element.getAttribute('src') ?? '';
    return paths.images.get(src) ?? null;
  }
  let at: Element | null = element;
  for (let depth = 0; at && depth < MAX_DEPTH; depth++, at = at.parentElement) {
    const path = paths.texts.get(key(at.textContent ?? ''));
    if (path) return path;
  }
  return null;
}
