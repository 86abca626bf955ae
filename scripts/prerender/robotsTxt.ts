import { NEWS_SITEMAP_PATH, SITEMAP_PATH, siteUrl } from './site';

/**
 * robots.txt, generated because it must name the sitemaps by absolute URL, and the origin is
 * known only at build time (SITE_URL). The editors' preview is a tool, not a page to index.
 */
export function robotsTxt(origin: string): string {
  return [
    'User-agent: *',
    'Allow: /',
    'Disallow: /preview',
    '',
    `Sitemap: ${siteUrl(SITEMAP_PATH, origin)}`,
    `Sitemap: ${siteUrl(NEWS_SITEMAP_PATH, origin)}`,
    '',
  ].join('\n');
}
