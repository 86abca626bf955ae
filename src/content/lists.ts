/**
 * The archive's lists, shared by the reader and the build that writes their files: which lists a
 * story is in, how a list is cut into pages, and which route shows which content file.
 * Pure (no React, no valibot, no import.meta.env), so that the build and the reader's initial
 * bundle can both import it at no cost; /work/design-archive.md is the design it follows.
 */

/** Stories per content file: the front page, a list's latest page and every chunk. */
export const PAGE_SIZE = 20;

export const LIST_KINDS = ['all', 'section', 'tag'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/** A list: every story, or the stories of one section or tag (by its key, see `listKey`). */
export type ListRef = { readonly kind: 'all' } | { readonly kind: 'section' | 'tag'; readonly key: string };

/** A key as `listKey` makes it: safe in a path and a URL as it is. */
const KEYED = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A page number as a route writes it: no sign, no leading zero, and small enough to be exact. */
const PAGE_NUMBER = /^[1-9]\d{0,8}$/;

/**
 * The key of a section or tag name: lowercase, diacritics stripped, every run of anything else
 * than a–z and 0–9 made one "-", trimmed ("World" → "world", "Nuclear programme" →
 * "nuclear-programme", "Côte d’Ivoire" → "cote-d-ivoire"). A name with no Latin letter or digit
 * ("ایران") has the empty key "": it has no list, and the reader shows it without a link.
 */
export function listKey(name: string): string {
  // Lowercased first: "İ" lowercases to "i" plus a combining dot, which the next step strips.
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** Whether `key` is one `listKey` can make (and so safe in a path). */
export function isListKey(key: string): boolean {
  return KEYED.test(key);
}

/** The page number a route gives as text, or null when it is not a positive whole number written plainly. */
export function pageNumber(text: string): number | null {
  return PAGE_NUMBER.test(text) ? Number(text) : null;
}

/** The lists a story is in: `all`, its section's, and each of its tags' (once each; names without a key are in none). */
export function listsOf(story: { readonly section?: string | undefined; readonly tags?: readonly string[] | undefined }): ListRef[] {
  const lists: ListRef[] = [{ kind: 'all' }];
  const section = story.section === undefined ? '' : listKey(story.section);
  if (section !== '') lists.push({ kind: 'section', key: section });
  const tags = new Set((story.tags ?? []).map(listKey).filter((key) => key !== ''));
  for (const key of tags) lists.push({ kind: 'tag', key });
  return lists;
}

/**
 * The chunk (1-based) that holds the story at `position` (0-based) of a list in its stable order,
 * oldest first: a new story only ever lands in the newest chunk, so older chunks never change.
 */
export function chunkOf(position: number): number {
  return Math.floor(position / PAGE_SIZE) + 1;
}

/** How many chunks a list of `total` stories has. */
export function chunkCount(total: number): number {
  return Math.ceil(total / PAGE_SIZE);
}

function listDir(list: ListRef): string {
  return list.kind === 'all' ? 'all' : `${list.kind}/${list.key}`;
}

/**
 * The content file (relative to the content base) that holds a list's latest page, or chunk
 * `page`: `articles/index.json` (every story's latest page is the front page's index),
 * `lists/section/world/latest.json`, `lists/tag/iran/3.json`, `lists/all/498.json`.
 */
export function listFile(list: ListRef, page?: number): string {
  if (page !== undefined) return `lists/${listDir(list)}/${page}.json`;
  return list.kind === 'all' ? 'articles/index.json' : `lists/${listDir(list)}/latest.json`;
}

/** The route that shows a list's latest page, or chunk `page`: `/`, `/page/3`, `/section/world`, `/tag/iran/page/2`. */
export function listRoute(list: ListRef, page?: number): string {
  const base = list.kind === 'all' ? '' : `/${list.kind}/${list.key}`;
  if (page !== undefined) return `${base}/page/${page}`;
  return base === '' ? '/' : base;
}

/** The prerendered page of a route from `listRoute`, relative to the built site: `index.html`, `section/world/page/3.html`. */
export function listHtmlFile(list: ListRef, page?: number): string {
  const route = listRoute(list, page);
  return route === '/' ? 'index.html' : `${route.slice(1)}.html`;
}

export interface ListLocation {
  readonly list: ListRef;
  /** The chunk shown; absent for a list's latest page. */
  readonly page?: number;
}

/** The list page a pathname shows (the inverse of `listRoute`), or null when it shows none. */
export function parseListRoute(pathname: string): ListLocation | null {
  const parts = pathname.replace(/\/+$/, '').split('/').slice(1);
  const [first, second, third, fourth, ...rest] = parts;
  if (rest.length > 0) return null;
  if (first === undefined) return { list: { kind: 'all' } };
  if (first === 'page' && second !== undefined && third === undefined) {
    const page = pageNumber(second);
    return page === null ? null : { list: { kind: 'all' }, page };
  }
  if ((first !== 'section' && first !== 'tag') || second === undefined || !isListKey(second)) return null;
  const list: ListRef = { kind: first, key: second };
  if (third === undefined) return { list };
  if (third !== 'page' || fourth === undefined) return null;
  const page = pageNumber(fourth);
  return page === null ? null : { list, page };
}

/** The content file a list route reads, or null when the pathname is no list page. */
export function listFileForRoute(pathname: string): string | null {
  const location = parseListRoute(pathname);
  return location === null ? null : listFile(location.list, location.page);
}
