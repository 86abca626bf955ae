/**
 * What the build's site-wide files (pages' heads, feed, sitemaps, robots.txt) agree on: where
 * things live, and how stories are dated and ordered. Pure, so that a one-story publish step can
 * regenerate the same files the build writes.
 */
import { parsePartialDate } from '../../src/content/dates';
import type { Article } from '../../src/content/schema';

/** The site a build writes for. `now` is injected so that what depends on the clock is testable. */
export interface SiteContext {
  /** e.g. `https://dispatch.example` (SITE_URL); every URL in a feed or sitemap is absolute. */
  readonly origin: string;
  readonly siteName: string;
  readonly now: Date;
}

export const FEED_PATH = '/feed.xml';
export const SITEMAP_PATH = '/sitemap.xml';
export const NEWS_SITEMAP_PATH = '/sitemap-news.xml';
/** The only icon the site ships (public/favicon.svg); the publisher's logo in JSON-LD. */
export const LOGO_PATH = '/favicon.svg';

export function siteUrl(path: string, origin: string): string {
  return new URL(path, origin).href;
}

export function storyUrl(slug: string, origin: string): string {
  return siteUrl(`/articles/${slug}`, origin);
}

/** What lists, sitemaps and the feed's order need of a story: an index entry has it too. */
export type Dated = Pick<Article, 'slug' | 'published' | 'updated'>;

/** The date the story last changed, as written: `updated`, else `published`. */
export function lastModified(article: Pick<Article, 'published' | 'updated'>): string {
  return article.updated ?? article.published;
}

/**
 * The first instant a written date can mean: for a date-only value ("2025-03-20") that is
 * midnight UTC that day, the convention wherever a format insists on an instant (Atom, sitemap
 * `lastmod`). Read through the contract's own date parser, never `new Date(dateOnly)`.
 */
export function instantOf(value: string): Date {
  const date = parsePartialDate(value);
  if (!date) throw new Error(`not a date: ${JSON.stringify(value)}`);
  return new Date(date.sortKey);
}

/** Newest published first; the slug breaks ties so that every build lists stories in the same order. */
export function newestFirst<T extends Dated>(articles: readonly T[]): T[] {
  return [...articles].sort(
    (a, b) => instantOf(b.published).getTime() - instantOf(a.published).getTime() || (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0),
  );
}

/** The origin of a build served on this machine (`npm start`, the tests, the benches), which say so. */
export const LOCAL_ORIGIN = 'http://127.0.0.1:4173';

/**
 * The site's public origin, from SITE_URL. A production build must know it: every canonical link,
 * feed entry, sitemap URL and social card address is absolute, and a build that guessed would
 * ship pages pointing at 127.0.0.1. So there is no default here: the local scripts set it.
 */
export function requireSiteUrl(value: string | undefined, command: string, localCommand = `SITE_URL=${LOCAL_ORIGIN} ${command}`): string {
  const local = `For a site served on this machine, say so: ${localCommand} (as npm start and the tests do).`;
  if (value === undefined || value.trim() === '') {
    throw new Error(`SITE_URL is not set: a production build needs the site's public origin, e.g. SITE_URL=https://news.example ${command}. ${local}`);
  }
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`SITE_URL is not a URL: ${JSON.stringify(value)}; it should be the site's origin, e.g. https://news.example`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error(`SITE_URL must be an http(s) origin, not ${JSON.stringify(value)}`);
  return url.origin;
}
