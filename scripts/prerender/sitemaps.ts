/**
 * sitemap.xml (split into sitemap-N.xml files under an index when the site outgrows one file) and
 * the Google News sitemap, built with the `sitemap` library from parsed stories.
 *
 * The library writes `lastmod` as a full UTC date-time; a date-only story date becomes midnight
 * UTC that day, as in the Atom feed. `news:publication_date` is written exactly as the story has it,
 * so a date-only `published` stays date-only there (Google accepts YYYY-MM-DD).
 */
import { Readable } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise, type SitemapItemLoose } from 'sitemap';
import { endKey, parsePartialDate } from '../../src/content/dates';
import type { Article } from '../../src/content/schema';
import { instantOf, lastModified, newestFirst, siteUrl, storyUrl, type Dated, type SiteContext } from './site';

/** What the sitemaps need of a story: its index entry (`npm run publish` has no more of most stories). */
export type SitemapStory = Dated & Pick<Article, 'headline'>;

/**
 * URLs per sitemap file. The protocol allows 50,000, but smaller files are cheaper to regenerate
 * when one story is published, and the split is exercised long before it matters.
 */
export const MAX_URLS_PER_SITEMAP = 1000;

/** Google News wants only stories published in the last two days. */
export const NEWS_WINDOW_MS = 2 * 24 * 60 * 60 * 1000;

/** A file the build writes beside the pages: its path under dist (no leading slash) and its text. */
export interface SiteFile {
  readonly path: string;
  readonly text: string;
}

const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

/** The path of the n-th (1-based) sitemap when the URLs are split across files. */
export const sitemapPartPath = (n: number): string => `/sitemap-${n}.xml`;

async function urlset(items: readonly SitemapItemLoose[], news: boolean): Promise<string> {
  // Only the namespaces used: the library declares image, video and xhtml too unless told not to.
  const stream = new SitemapStream({ xmlns: { news, image: false, video: false, xhtml: false } });
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString('utf8');
}

/**
 * Every story, oldest first, then the front page (changed when its newest story did). Oldest
 * first, so that when the URLs are split across files a new story changes only the last file:
 * the others stay as search engines last read them.
 */
function siteItems(articles: readonly SitemapStory[], origin: string): SitemapItemLoose[] {
  const stories = newestFirst(articles).reverse().map((story) => ({ url: storyUrl(story.slug, origin), lastmod: lastModified(story) }));
  // A loop, not Math.max(...list): spreading a list of 100,000 stories would overflow the call stack.
  const newest = articles.reduce((latest, story) => Math.max(latest, instantOf(lastModified(story)).getTime()), Number.NEGATIVE_INFINITY);
  const front = { url: siteUrl('/', origin), ...(articles.length > 0 ? { lastmod: new Date(newest).toISOString() } : {}) };
  return [...stories, front];
}

/**
 * sitemap.xml for the front page and every story: one urlset while it fits in
 * MAX_URLS_PER_SITEMAP URLs; beyond that sitemap-1.xml, sitemap-2.xml … and sitemap.xml becomes
 * their index, so robots.txt names the same address at any size.
 */
export async function sitemapFiles(articles: readonly SitemapStory[], site: Pick<SiteContext, 'origin'>): Promise<SiteFile[]> {
  const items = siteItems(articles, site.origin);
  if (items.length <= MAX_URLS_PER_SITEMAP) return [{ path: 'sitemap.xml', text: await urlset(items, false) }];

  const parts: { path: string; items: SitemapItemLoose[] }[] = [];
  for (let start = 0; start < items.length; start += MAX_URLS_PER_SITEMAP) {
    parts.push({ path: sitemapPartPath(parts.length + 1), items: items.slice(start, start + MAX_URLS_PER_SITEMAP) });
  }
  const files = await Promise.all(parts.map(async (part) => ({ path: part.path.slice(1), text: await urlset(part.items, false) })));
  const index = parts.map((part) => {
    const changed = part.items.flatMap((item) => (item.lastmod ? [new Date(item.lastmod).getTime()] : []));
    return { url: siteUrl(part.path, site.origin), ...(changed.length > 0 ? { lastmod: new Date(Math.max(...changed)).toISOString() } : {}) };
  });
  const indexText = (await streamToPromise(Readable.from(index).pipe(new SitemapIndexStream()))).toString('utf8');
  return [{ path: 'sitemap.xml', text: indexText }, ...files];
}

/**
 * Whether a story's publication falls in the news window: any part of its published date (a whole
 * day for a date-only value) between `now` minus two days and `now`.
 */
export function inNewsWindow(article: Pick<Article, 'published'>, now: Date): boolean {
  const published = parsePartialDate(article.published);
  if (!published) return false;
  return endKey(published) > now.getTime() - NEWS_WINDOW_MS && published.sortKey <= now.getTime();
}

/**
 * An empty news sitemap, for the days nothing was published: the library refuses to write a
 * urlset with no url, but Google reads one as "no news", where a missing file is an error.
 */
const EMPTY_NEWS_SITEMAP = `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}"></urlset>`;

/** sitemap-news.xml: the stories published in the last two days, newest first (at most MAX_URLS_PER_SITEMAP, Google's limit too). */
export async function newsSitemap(articles: readonly SitemapStory[], site: SiteContext): Promise<string> {
  const recent = newestFirst(articles.filter((story) => inNewsWindow(story, site.now))).slice(0, MAX_URLS_PER_SITEMAP);
  if (recent.length === 0) return EMPTY_NEWS_SITEMAP;
  return urlset(
    recent.map((story) => ({
      url: storyUrl(story.slug, site.origin),
      news: {
        publication: { name: site.siteName, language: 'en' },
        publication_date: story.published,
        title: story.headline,
      },
    })),
    true,
  );
}
