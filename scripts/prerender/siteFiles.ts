import type { Article } from '../../src/content/schema';
import { atomFeed } from './feeds';
import { robotsTxt } from './robotsTxt';
import { newsSitemap, sitemapFiles, type SiteFile } from './sitemaps';
import { FEED_PATH, NEWS_SITEMAP_PATH, type SiteContext } from './site';

/**
 * Every site-wide file made from the stories: the Atom feed, the sitemap(s), the news sitemap and
 * robots.txt. The build writes them after the pages; a publish step for one new story can call
 * this again with the stories it knows and write the same files.
 */
export async function siteFiles(articles: readonly Article[], site: SiteContext): Promise<SiteFile[]> {
  return [
    { path: FEED_PATH.slice(1), text: atomFeed(articles, site) },
    ...(await sitemapFiles(articles, site)),
    { path: NEWS_SITEMAP_PATH.slice(1), text: await newsSitemap(articles, site) },
    { path: 'robots.txt', text: robotsTxt(site.origin) },
  ];
}
