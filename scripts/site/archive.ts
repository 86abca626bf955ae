/**
 * The archive as files: from the stories' index entries, every list the site shows (all stories,
 * each section, each tag), each cut into pages, with the content file and the prerendered page
 * that each page becomes. Pure: the build writes all of them, and `npm run publish` computes them
 * again and writes only those whose content changed.
 *
 * Pages are numbered from the oldest story (page 1 holds the first twenty ever published), so a
 * page, once full, never changes: a new story lands on the newest page and on the list's latest
 * page only, and the files a publish rewrites do not grow with the archive. Each list's latest
 * page (the front page, for all stories) shows its newest stories, whatever page they are on.
 */
import { latestCorrection } from '../../src/content/corrections';
import { parsePartialDate } from '../../src/content/dates';
import { chunkOf, listFile, listHtmlFile, listKey, listRoute, PAGE_SIZE, type ListKind, type ListRef } from '../../src/content/lists';
import type { Article, ArticleIndex, IndexEntry, ListInfo } from '../../src/content/schema';

/** One list of stories, oldest first: all of them, or those of one section or one tag. */
export interface StoryList {
  readonly kind: ListKind;
  /** The list's key in addresses (`world`, `nuclear-programme`); none for all stories. */
  readonly key?: string;
  /** The name as editors wrote it (first spelling seen); none for all stories. */
  readonly title?: string;
  readonly entries: readonly IndexEntry[];
}

/** One page of a list: the content file the app reads, and the page the build prerenders from it. */
export interface ListPageFile {
  /** Under the content base, e.g. `articles/index.json`, `lists/tag/iran/3.json`. */
  readonly contentPath: string;
  /** The page's address, e.g. `/`, `/tag/iran/page/3`. */
  readonly route: string;
  /** The prerendered page under the site root, e.g. `index.html`, `tag/iran/page/3.html`. */
  readonly htmlPath: string;
  readonly data: ArticleIndex;
}

/** What the lists need of a story: its index entry. */
export function entryOf(article: Article): IndexEntry {
  const { slug, headline, standfirst, section, published, updated, tags, image } = article;
  const corrected = latestCorrection(article);
  return {
    slug,
    headline,
    ...(standfirst !== undefined ? { standfirst } : {}),
    ...(section !== undefined ? { section } : {}),
    published,
    ...(updated !== undefined ? { updated } : {}),
    ...(corrected !== undefined ? { corrected } : {}),
    ...(tags !== undefined && tags.length > 0 ? { tags } : {}),
    ...(image !== undefined ? { image } : {}),
  };
}

const instant = (entry: IndexEntry): number => parsePartialDate(entry.published)?.sortKey ?? 0;

/** Oldest first; the slug breaks ties, so every build and every publish agree on the order. */
export function oldestFirst(entries: readonly IndexEntry[]): IndexEntry[] {
  return [...entries].sort((a, b) => instant(a) - instant(b) || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
}

/** Every list: all stories, then each section and each tag, by key. */
export function storyLists(entries: readonly IndexEntry[]): StoryList[] {
  const ordered = oldestFirst(entries);
  const groups = new Map<string, { kind: ListKind; key: string; title: string; entries: IndexEntry[] }>();
  const add = (kind: ListKind, name: string, entry: IndexEntry) => {
    const key = listKey(name);
    if (key === '') return;
    const id = `${kind}/${key}`;
    const group = groups.get(id) ?? { kind, key, title: name, entries: [] };
    group.entries.push(entry);
    groups.set(id, group);
  };
  for (const entry of ordered) {
    if (entry.section !== undefined) add('section', entry.section, entry);
    // A story tagged twice with one name (in two spellings) is listed once.
    for (const tag of new Set(entry.tags ?? [])) add('tag', tag, entry);
  }
  const deduplicated = [...groups.values()].map((group) => ({ ...group, entries: [...new Map(group.entries.map((entry) => [entry.slug, entry])).values()] }));
  return [{ kind: 'all', entries: ordered }, ...deduplicated.sort((a, b) => (a.kind + a.key < b.kind + b.key ? -1 : 1))];
}

function refOf(list: StoryList): ListRef {
  return list.kind === 'all' ? { kind: 'all' } : { kind: list.kind, key: list.key ?? '' };
}

/** The list's latest page and each of its numbered pages, newest story first within each. */
export function listPageFiles(list: StoryList): ListPageFile[] {
  const { entries } = list;
  const total = entries.length;
  const pages = Math.ceil(total / PAGE_SIZE);
  const ref = refOf(list);
  const identity = {
    kind: list.kind,
    ...(list.key !== undefined ? { key: list.key } : {}),
    ...(list.title !== undefined ? { title: list.title } : {}),
  };
  const info = (extra: Partial<ListInfo>): ListInfo => ({ ...identity, total, pages, ...extra });
  const newestFirst = (slice: readonly IndexEntry[]) => [...slice].reverse();

  const latestShown = entries.slice(Math.max(0, total - PAGE_SIZE));
  // The newest story the latest page leaves out, and so the page to go on to.
  const older = total > PAGE_SIZE ? chunkOf(total - PAGE_SIZE - 1) : undefined;
  const latest: ListPageFile = {
    contentPath: listFile(ref),
    route: listRoute(ref),
    htmlPath: listHtmlFile(ref),
    data: { articles: newestFirst(latestShown), list: info(older !== undefined ? { older } : {}) },
  };
  // A list that fits on its latest page needs no numbered pages.
  if (older === undefined) return [latest];

  const numbered: ListPageFile[] = [];
  for (let page = 1; page <= pages; page += 1) {
    const slice = entries.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
    numbered.push({
      contentPath: listFile(ref, page),
      route: listRoute(ref, page),
      htmlPath: listHtmlFile(ref, page),
      data: {
        articles: newestFirst(slice),
        // No count of stories or pages here: it would change on every publish, and a full page must not.
        list: { ...identity, ...(page > 1 ? { older: page - 1 } : {}), ...(page < pages ? { newer: page + 1 } : {}) },
        page,
      },
    });
  }
  return [latest, ...numbered];
}

/** Every list page of the archive. */
export function archiveFiles(entries: readonly IndexEntry[]): ListPageFile[] {
  return storyLists(entries).flatMap(listPageFiles);
}

/** The content file of all stories' numbered pages: where `npm run publish` reads the archive back from. */
export const ALL_PAGES_DIR = 'lists/all';
