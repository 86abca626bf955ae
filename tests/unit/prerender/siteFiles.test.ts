/**
 * The site-wide files the build writes beside the pages, from the real content: each is there,
 * each XML file is well-formed, and robots.txt points crawlers at both sitemaps.
 */
import { describe, expect, it } from 'vitest';
import { siteFiles } from '../../../scripts/prerender/siteFiles';
import { SITE_NAME } from '../../../src/ui/site';
import { realStory } from '../support/fixtures';
import { children, child, parseXml } from '../support/siteXml';

const ORIGIN = 'https://dispatch.example';

describe('siteFiles()', () => {
  it('writes the feed, the sitemap, the news sitemap and robots.txt, the XML ones well-formed', async () => {
    const files = await siteFiles({ feed: [realStory()], entries: [realStory()] }, { origin: ORIGIN, siteName: SITE_NAME, now: new Date('2025-03-21T06:00:00Z') });
    expect(files.map((file) => file.path)).toEqual(['feed.xml', 'sitemap.xml', 'sitemap-news.xml', 'robots.txt']);
    const xml = new Map(files.filter((file) => file.path.endsWith('.xml')).map((file) => [file.path, parseXml(file.text)]));
    expect(children(child(xml.get('feed.xml'), 'feed'), 'entry')).toHaveLength(1);
    expect(children(child(xml.get('sitemap.xml'), 'urlset'), 'url')).toHaveLength(2);
    // Published on 20 March (a date), built early on 21 March: news.
    expect(children(child(xml.get('sitemap-news.xml'), 'urlset'), 'url')).toHaveLength(1);
  });

  it('robots.txt names both sitemaps by absolute URL and keeps crawlers out of the preview', async () => {
    const files = await siteFiles({ feed: [], entries: [] }, { origin: ORIGIN, siteName: SITE_NAME, now: new Date() });
    const robots = files.find((file) => file.path === 'robots.txt')?.text ?? '';
    const lines = robots.split('\n');
    expect(lines).toContain('User-agent: *');
    expect(lines).toContain('Disallow: /preview');
    expect(lines.filter((line) => line.startsWith('Sitemap:'))).toEqual([`Sitemap: ${ORIGIN}/sitemap.xml`, `Sitemap: ${ORIGIN}/sitemap-news.xml`]);
  });
});
