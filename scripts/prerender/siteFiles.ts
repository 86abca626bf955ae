import type { Article } from '../../src/content/schema';
import { atomFeed } from './feeds';
import { robotsTxt } from './robotsTxt';
import { newsSitemap, sitemapFiles, type SiteFile, type SitemapStory } from './sitemaps';
import { FEED_PATH, NEWS_SITEMAP_PATH, type SiteContext } from './site';

/**
 * Every site-wide file made from the stories: the Atom feed (from the whole text of the newest
 * stories: give it at least those), the sitemap(s) and the news sitemap (from every story's index
 * entry), and robots.txt. The build writes them after the pages; a publish step for one new story can call
 * this again with the stories it knows and write the same files.
 */
export async function siteFiles(
  { feed, entries }: { readonly feed: readonly Article[]; readonly entries: readonly SitemapStory[] },
  site: SiteContext,
): Promise<SiteFile[]> {
  return [
    { path: FEED_PATH.slice(1), text: atomFeed(feed, site) },
    ...(await sitemapFiles(entries, site)),
    { path: NEWS_SITEMAP_PATH.slice(1), text: await newsSitemap(entries, site) },
    { path: 'robots.txt', text: robotsTxt(site.origin) },
  ];
}
