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
