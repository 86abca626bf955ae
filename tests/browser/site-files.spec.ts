/**
 * The site-wide files the build writes (scripts/prerender/siteFiles.ts), as the server serves
 * them: a feed reader that finds the feed from the front page's link gets an Atom feed, and a
 * crawler gets robots.txt and well-formed sitemaps. Their content is checked in the unit tests
 * (tests/unit/prerender); this checks that the build wrote them and that they are served as XML.
 * No page is opened, so the page-health fixture of ./fixtures is not needed.
 */
import { XMLValidator } from 'fast-xml-parser';
import { expect, test } from '@playwright/test';

test('the feed named in the front page, the sitemaps and robots.txt are served', async ({ request }) => {
  const front = await (await request.get('/')).text();
  const href = /<link rel="alternate" type="application\/atom\+xml" title="[^"]*" href="([^"]+)"/.exec(front)?.[1];
  expect(href).toBe('/feed.xml');

  for (const path of ['/feed.xml', '/sitemap.xml', '/sitemap-news.xml']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toMatch(/xml/);
    expect(XMLValidator.validate(await response.text()), path).toBe(true);
  }
  expect(await (await request.get('/feed.xml')).text()).toContain('<feed xmlns="http://www.w3.org/2005/Atom">');

  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  const lines = (await robots.text()).split('\n');
  expect(lines).toContain('Disallow: /preview');
  expect(lines.filter((line) => /^Sitemap: https?:\/\/[^/]+\/sitemap(?:-news)?\.xml$/.test(line))).toHaveLength(2);
});
