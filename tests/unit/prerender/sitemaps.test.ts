/**
 * sitemap.xml (and its parts past MAX_URLS_PER_SITEMAP URLs) and the Google News sitemap, read
 * back with an XML parser and checked against the stories they were made from.
 */
import { describe, expect, it } from 'vitest';
import { MAX_URLS_PER_SITEMAP, newsSitemap, sitemapFiles } from '../../../scripts/prerender/sitemaps';
import type { Article } from '../../../src/content/schema';
import { SITE_NAME } from '../../../src/ui/site';
import { fixtureStory, realStory } from '../support/fixtures';
import { HOUR, attribute, child, children, hourlyStories, parseXml, storyAt, text, type XmlNode } from '../support/siteXml';

const ORIGIN = 'https://dispatch.example';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

const storyUrl = (story: Article) => `${ORIGIN}/articles/${story.slug}`;
const instant = (value: string | undefined) => (value === undefined ? Number.NaN : new Date(value).getTime());

async function filesOf(articles: readonly Article[]): Promise<Map<string, XmlNode>> {
  const files = await sitemapFiles(articles, { origin: ORIGIN });
  return new Map(files.map((file) => [file.path, parseXml(file.text)]));
}

function urlset(doc: XmlNode | undefined): XmlNode[] {
  const set = child(doc, 'urlset');
  expect(attribute(set, 'xmlns')).toBe(SITEMAP_NS);
  return children(set, 'url');
}

describe('sitemapFiles()', () => {
  it('lists the real story and the front page in one sitemap.xml, with lastmod from published', async () => {
    const story = realStory();
    const files = await filesOf([story]);
    expect([...files.keys()]).toEqual(['sitemap.xml']);
    const urls = urlset(files.get('sitemap.xml'));
    expect(urls.map((url) => text(url, 'loc'))).toEqual([storyUrl(story), `${ORIGIN}/`]);
    // A date-only story changed at the first instant of its day, as in the feed.
    expect(urls.map((url) => text(url, 'lastmod'))).toEqual(['2025-03-20T00:00:00.000Z', '2025-03-20T00:00:00.000Z']);
  });

  it('takes lastmod from `updated` when there is one, and gives the front page the newest', async () => {
    const updated = fixtureStory('articles/story-published-with-offset.json');
    const files = await filesOf([realStory(), updated]);
    const lastmods = new Map(urlset(files.get('sitemap.xml')).map((url) => [text(url, 'loc'), instant(text(url, 'lastmod'))]));
    expect(lastmods.get(storyUrl(updated))).toBe(instant(updated.updated));
    expect(lastmods.get(`${ORIGIN}/`)).toBe(instant(updated.updated));
  });

  it('lists only the front page, without lastmod, when there are no stories', async () => {
    const urls = urlset((await filesOf([])).get('sitemap.xml'));
    expect(urls.map((url) => text(url, 'loc'))).toEqual([`${ORIGIN}/`]);
    expect(urls[0]?.lastmod).toBeUndefined();
  });

  it(`keeps ${MAX_URLS_PER_SITEMAP} URLs (the front page and ${MAX_URLS_PER_SITEMAP - 1} stories) in one file`, async () => {
    const files = await filesOf(hourlyStories(MAX_URLS_PER_SITEMAP - 1));
    expect([...files.keys()]).toEqual(['sitemap.xml']);
    expect(urlset(files.get('sitemap.xml'))).toHaveLength(MAX_URLS_PER_SITEMAP);
  });

  it('splits 2,500 stories into three files under a sitemap index, every URL once, each with its lastmod', async () => {
    const stories = hourlyStories(2500);
    const files = await filesOf(stories);
    expect([...files.keys()]).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml', 'sitemap-3.xml']);

    const index = child(files.get('sitemap.xml'), 'sitemapindex');
    expect(attribute(index, 'xmlns')).toBe(SITEMAP_NS);
    const parts = children(index, 'sitemap');
    expect(parts.map((part) => text(part, 'loc'))).toEqual([1, 2, 3].map((n) => `${ORIGIN}/sitemap-${n}.xml`));

    const perFile = [1, 2, 3].map((n) => urlset(files.get(`sitemap-${n}.xml`)));
    expect(perFile.map((urls) => urls.length)).toEqual([1000, 1000, 501]);
    const all = perFile.flat();
    // Oldest first, the front page last: a new story changes the last part only.
    expect(all.map((url) => text(url, 'loc'))).toEqual([...[...stories].reverse().map(storyUrl), `${ORIGIN}/`]);

    const expected = new Map(stories.map((story) => [storyUrl(story), instant(story.updated ?? story.published)]));
    for (const url of all.slice(0, -1)) expect(instant(text(url, 'lastmod')), text(url, 'loc')).toBe(expected.get(text(url, 'loc')));

    // Each part is dated by the newest change in it, so a crawler refetches only the parts that changed.
    parts.forEach((part, n) => {
      const newest = Math.max(...(perFile[n] ?? []).map((url) => instant(text(url, 'lastmod'))));
      expect(instant(text(part, 'lastmod'))).toBe(newest);
    });
  });

  it('splits at the limit exactly: one URL more than fits makes a second file', async () => {
    const files = await filesOf(hourlyStories(MAX_URLS_PER_SITEMAP));
    expect([...files.keys()]).toEqual(['sitemap.xml', 'sitemap-1.xml', 'sitemap-2.xml']);
    expect(urlset(files.get('sitemap-2.xml'))).toHaveLength(1);
  });

  it('scales to 10,000 stories: eleven files of at most 1,000 URLs', async () => {
    const files = await filesOf(hourlyStories(10_000));
    expect(children(child(files.get('sitemap.xml'), 'sitemapindex'), 'sitemap')).toHaveLength(11);
    const sizes = [...files.entries()].filter(([path]) => path !== 'sitemap.xml').map(([, doc]) => urlset(doc).length);
    expect(sizes).toEqual([...Array<number>(10).fill(1000), 1]);
  }, 30_000);
});

describe('newsSitemap()', () => {
  const now = new Date('2025-03-20T12:00:00Z');
  const site = { origin: ORIGIN, siteName: SITE_NAME, now };

  async function newsUrls(articles: readonly Article[]): Promise<XmlNode[]> {
    const set = child(parseXml(await newsSitemap(articles, site)), 'urlset');
    expect(attribute(set, 'xmlns')).toBe(SITEMAP_NS);
    expect(attribute(set, 'xmlns:news')).toBe(NEWS_NS);
    return children(set, 'url');
  }

  it('names each story with the publication, its date as written and its headline', async () => {
    const story = { ...realStory(), published: '2025-03-20' };
    const [url, ...others] = await newsUrls([story]);
    expect(others).toEqual([]);
    expect(text(url, 'loc')).toBe(storyUrl(story));
    const news = child(url, 'news:news');
    const publication = child(news, 'news:publication');
    expect(text(publication, 'news:name')).toBe(SITE_NAME);
    expect(text(publication, 'news:language')).toBe('en');
    expect(text(news, 'news:publication_date')).toBe('2025-03-20');
    expect(text(news, 'news:title')).toBe(story.headline);
  });

  it('holds only the stories published in the two days before the build, newest first', async () => {
    const at = (n: number, hoursAgo: number) => storyAt(n, new Date(now.getTime() - hoursAgo * HOUR).toISOString());
    const stories = [
      at(1, 47), // in
      at(2, 49), // out: older than two days
      at(3, 0.5), // in
      at(4, -1), // out: not yet published
      storyAt(5, '2025-03-18'), // in: the last hours of 18 March fall within the window
      storyAt(6, '2025-03-17'), // out: all of 17 March is older
      storyAt(7, '2025-03-20T08:00:00-04:00'), // in: 12:00 UTC, the build's own minute
      storyAt(8, '2025-03-17T09:00:00Z', '2025-03-20T11:00:00Z'), // out: updated recently but published long ago
    ];
    const urls = await newsUrls(stories);
    expect(urls.map((url) => text(url, 'loc'))).toEqual([7, 3, 1, 5].map((n) => `${ORIGIN}/articles/story-${n}`));
  });

  it('is an empty urlset, still valid XML, when nothing was published in the window', async () => {
    expect(await newsUrls([storyAt(1, '2025-03-01')])).toEqual([]);
    expect(await newsUrls([])).toEqual([]);
  });

  it('reads back a headline with markup and entities exactly', async () => {
    const story = { ...fixtureStory('articles/story-markup-in-text.json'), headline: 'Talks on <b>Iran</b> & "Israel" ]]> &amp;', published: '2025-03-20' };
    const [url] = await newsUrls([story]);
    expect(text(child(url, 'news:news'), 'news:title')).toBe(story.headline);
  });
});
